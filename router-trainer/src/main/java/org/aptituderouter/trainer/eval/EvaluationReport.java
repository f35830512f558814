package org.aptituderouter.trainer.eval;

import java.util.List;

/** Everything the written report shows: per-zoo results, the heads behind them, and the run's provenance. */
public record EvaluationReport(List<ZooResult> zoos, List<HeldOutScores.FoldRun> runs, EvaluationSettings settings,
    String aptitudeTestId, String dataFingerprint, int routingQuestions, double seconds) {}
