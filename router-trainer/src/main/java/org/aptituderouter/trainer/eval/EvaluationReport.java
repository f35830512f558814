package org.aptituderouter.trainer.eval;

import java.util.List;
import java.util.Map;

/** Everything the written report shows: per-zoo results, the heads behind them, and the run's provenance. */
public record EvaluationReport(
        String dataset,
        List<ZooResult> zoos,
        List<HeldOutScores.FoldRun> runs,
        EvaluationSettings settings,
        String aptitudeTestId,
        int tasks,
        String dataFingerprint,
        int routingQuestions,
        Map<String, Double> costs,
        double seconds) {}
