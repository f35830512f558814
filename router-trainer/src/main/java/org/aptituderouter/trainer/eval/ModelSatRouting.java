package org.aptituderouter.trainer.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.aptituderouter.core.ScoredCandidate;
import org.aptituderouter.core.policy.PolicySpec;
import org.aptituderouter.core.policy.RoutingPolicy;

/**
 * The router under test: held-out scorer probabilities, decided by router-core's own policy implementations so
 * that the evaluation measures exactly what the deployed router does.
 */
public final class ModelSatRouting implements RoutingMethod {

  private final HeldOutScores scores;
  private final Map<String, Double> costs;
  private final PolicySpec policy;

  public ModelSatRouting(HeldOutScores scores, Map<String, Double> costs, PolicySpec policy) {
    this.scores = scores;
    this.costs = costs;
    this.policy = policy;
  }

  @Override
  public String name() {
    return "Model-SAT router (" + policy.name() + ")";
  }

  @Override
  public int[] choose(Zoo zoo, QuestionFold fold) {
    RoutingPolicy decide = RoutingPolicy.of(policy);
    int[] columns = zoo.models().stream().mapToInt(scores::column).toArray();
    int[] choices = new int[fold.evalRows().length];
    for (int i = 0; i < choices.length; i++) {
      float[] row = scores.probabilities()[fold.evalRows()[i]];
      List<ScoredCandidate> candidates = new ArrayList<>();
      for (int m = 0; m < columns.length; m++) {
        String model = zoo.models().get(m);
        candidates.add(new ScoredCandidate(model, row[columns[m]], costs.get(model)));
      }
      choices[i] = zoo.models().indexOf(decide.rank(candidates).get(0).modelId());
    }
    return choices;
  }
}
