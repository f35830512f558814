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
 */
public record ZooResult(Zoo zoo, int questions, double randomAccuracy, double randomCost, double oracleAccuracy,
    List<MethodResult> methods, List<MethodResult> singleModels, List<CurvePoint> costCurve,
    List<CurvePoint> thresholdCurve) {

  /** Accuracy and mean cost (params_b per question) of one way of routing. */
  public record MethodResult(String method, double accuracy, double meanCost) {}

  /** One setting of a policy parameter and what it gave. */
  public record CurvePoint(double parameter, double accuracy, double meanCost) {}

  public MethodResult method(String name) {
    return methods.stream().filter(result -> result.method().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no result for " + name));
  }

  /** Share of the gap between the best single model and the oracle that {@code accuracy} closes. */
  public double gapClosed(double accuracy, double bestSingle) {
    return (accuracy - bestSingle) / (oracleAccuracy - bestSingle);
  }
}
