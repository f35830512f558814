package org.aptituderouter.trainer.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.aptituderouter.core.policy.PolicySpec;
import org.aptituderouter.trainer.data.OutcomeTable;

/** Scores a set of routing methods, single models and policy sweeps on one zoo across the question folds. */
public final class ZooEvaluation {

  /** lambda in probability per billion parameters: from "cost barely matters" to "cheapest model always". */
  static final double[] LAMBDAS = {0, 1e-5, 2e-5, 5e-5, 1e-4, 2e-4, 3e-4, 5e-4, 7e-4, 1e-3, 1.5e-3, 2e-3, 3e-3, 5e-3,
      7e-3, 1e-2, 2e-2, 5e-2, 1e-1};
  static final double[] THRESHOLDS = {0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7,
      0.75, 0.8, 0.85, 0.9, 0.95};

  private final OutcomeTable outcomes;
  private final HeldOutScores scores;
  private final Map<String, Double> costs;

  public ZooEvaluation(OutcomeTable outcomes, HeldOutScores scores, Map<String, Double> costs) {
    this.outcomes = outcomes;
    this.scores = scores;
    this.costs = costs;
  }

  public ZooResult evaluate(Zoo zoo, List<QuestionFold> folds, List<RoutingMethod> methods) {
    int questions = folds.stream().mapToInt(fold -> fold.evalRows().length).sum();
    List<ZooResult.MethodResult> results = new ArrayList<>();
    for (RoutingMethod method : methods) {
      results.add(score(method, zoo, folds));
    }
    List<ZooResult.MethodResult> singles = new ArrayList<>();
    for (int m = 0; m < zoo.models().size(); m++) {
      singles.add(single(zoo, m, folds));
    }
    List<ZooResult.CurvePoint> costCurve = new ArrayList<>();
    for (double lambda : LAMBDAS) {
      ZooResult.MethodResult point = score(new ModelSatRouting(scores, costs, PolicySpec.cost(lambda)), zoo, folds);
      costCurve.add(new ZooResult.CurvePoint(lambda, point.accuracy(), point.meanCost()));
    }
    List<ZooResult.CurvePoint> thresholdCurve = new ArrayList<>();
    for (double tau : THRESHOLDS) {
      ZooResult.MethodResult point = score(new ModelSatRouting(scores, costs, PolicySpec.threshold(tau)), zoo, folds);
      thresholdCurve.add(new ZooResult.CurvePoint(tau, point.accuracy(), point.meanCost()));
    }
    double randomCost = zoo.models().stream().mapToDouble(costs::get).average().orElse(0);
    return new ZooResult(zoo, questions, randomAccuracy(zoo, folds), randomCost, oracleAccuracy(zoo, folds), results,
        singles, costCurve, thresholdCurve);
  }

  private ZooResult.MethodResult score(RoutingMethod method, Zoo zoo, List<QuestionFold> folds) {
    long right = 0;
    double cost = 0;
    int count = 0;
    for (QuestionFold fold : folds) {
      int[] choices = method.choose(zoo, fold);
      for (int i = 0; i < choices.length; i++) {
        String model = zoo.models().get(choices[i]);
        right += outcomes.outcome(fold.evalRows()[i], outcomes.modelIndex(model));
        cost += costs.get(model);
        count++;
      }
    }
    return new ZooResult.MethodResult(method.name(), (double) right / count, cost / count);
  }

  private ZooResult.MethodResult single(Zoo zoo, int model, List<QuestionFold> folds) {
    int column = outcomes.modelIndex(zoo.models().get(model));
    long right = 0;
    int count = 0;
    for (QuestionFold fold : folds) {
      for (int row : fold.evalRows()) {
        right += outcomes.outcome(row, column);
        count++;
      }
    }
    return new ZooResult.MethodResult(zoo.models().get(model), (double) right / count, costs.get(zoo.models().get(model)));
  }

  private double randomAccuracy(Zoo zoo, List<QuestionFold> folds) {
    return Arrays.stream(ZooAccuracy.of(outcomes, zoo, allEvalRows(folds))).average().orElse(0);
  }

  private double oracleAccuracy(Zoo zoo, List<QuestionFold> folds) {
    int[] columns = zoo.models().stream().mapToInt(outcomes::modelIndex).toArray();
    int[] rows = allEvalRows(folds);
    long solved = 0;
    for (int row : rows) {
      for (int column : columns) {
        if (outcomes.outcome(row, column) == 1) {
          solved++;
          break;
        }
      }
    }
    return (double) solved / rows.length;
  }

  private static int[] allEvalRows(List<QuestionFold> folds) {
    return folds.stream().flatMapToInt(fold -> Arrays.stream(fold.evalRows())).toArray();
  }
}
