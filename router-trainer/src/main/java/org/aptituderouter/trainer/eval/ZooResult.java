package org.aptituderouter.trainer.eval;

import java.util.List;

/**
 * How every method did on one zoo, over the evaluation questions of all folds.
 *
 * @param randomAccuracy   expected accuracy of a uniformly random choice
 * @param oracleAccuracy   share of questions some zoo model answers correctly
 * @param singleModels     each zoo model used alone
 * @param costCurve        the router's cost policy over a sweep of lambda
 * @param thresholdCurve   the router's threshold policy over a sweep of tau
 * @param marginCurve      the quality policy over a sweep of the no-regret margin, new models
 * @param knownMarginCurve the same, known models
 * @param costMatches      per cost-aware policy: the cheapest setting that matches the best single model, chosen on
 *                         one half of the questions and applied to the other
 * @param calibration      of the router's probabilities for the zoo's models (new-model evidence)
 */
public record ZooResult(
        Zoo zoo,
        int questions,
        double randomAccuracy,
        double randomCost,
        double oracleAccuracy,
        List<MethodResult> methods,
        List<MethodResult> singleModels,
        List<CurvePoint> costCurve,
        List<CurvePoint> thresholdCurve,
        List<CurvePoint> marginCurve,
        List<CurvePoint> knownMarginCurve,
        List<CostMatch> costMatches,
        Calibration calibration) {

    /** Accuracy and mean cost (params_b per question) of one way of routing. */
    public record MethodResult(String method, double accuracy, double meanCost) {}

    /** One setting of a policy parameter and what it gave. */
    public record CurvePoint(double parameter, double accuracy, double meanCost) {}

    /**
     * @param parameters   the setting chosen on each half, in fold order (NaN when none matched there)
     * @param accuracy     on the other halves, together
     * @param costShare    mean cost over the best single model's mean cost, same questions
     * @param singleAccuracy the best single model's accuracy on the same questions
     */
    public record CostMatch(
            String policy,
            List<Double> parameters,
            double accuracy,
            double meanCost,
            double costShare,
            double singleAccuracy) {}

    public MethodResult method(String name) {
        return methods.stream()
                .filter(result -> result.method().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no result for " + name));
    }

    /** Share of the gap between the best single model and a label-rich reference that {@code accuracy} closes. */
    public double shareOfGain(double accuracy, double bestSingle, double reference) {
        return (accuracy - bestSingle) / (reference - bestSingle);
    }
}
