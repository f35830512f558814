package org.aptituderouter.trainer.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aptituderouter.core.aptitude.AptitudeTest;
import org.aptituderouter.core.policy.PolicySpec;
import org.aptituderouter.trainer.aptitude.AptitudeAnswers;
import org.aptituderouter.trainer.data.ModelCosts;
import org.aptituderouter.trainer.data.QuestionSplits;
import org.aptituderouter.trainer.data.RoutingDataset;
import org.aptituderouter.trainer.train.HeadFitting;

/**
 * The whole evaluation: cross-fitted held-out scores, then every zoo routed by the Model-SAT router and the
 * baselines on questions no head trained on. Questions where a zoo model has no result are left out of scoring
 * (they still train the heads, with that outcome masked).
 */
public final class Evaluation {

  private final EvaluationSettings settings;

  public Evaluation(EvaluationSettings settings) {
    this.settings = settings;
  }

  public EvaluationReport run(RoutingDataset data, AptitudeTest test, float[][] embeddings,
      CrossFitting.RunListener listener) {
    long started = System.nanoTime();
    List<String> models = data.outcomes().modelIds();
    int[] routingRows = QuestionSplits.routingRows(data, test);
    int[][] questionFolds = QuestionSplits.folds(routingRows, settings.questionFolds(), settings.training().seed());
    HeldOutScores scores = new CrossFitting(new HeadFitting(settings.architecture(), settings.training()))
        .run(data, test, embeddings, ModelFolds.of(models, settings.otherModelFolds()), questionFolds, listener);

    List<QuestionFold> folds = new ArrayList<>();
    for (int q = 0; q < questionFolds.length; q++) {
      int[] train = QuestionSplits.allBut(questionFolds, q);
      int[] eval = Arrays.stream(questionFolds[q]).filter(row -> data.outcomes().complete(row)).toArray();
      folds.add(new QuestionFold(q, train, eval));
    }
    Map<String, Double> costs = new LinkedHashMap<>();
    Map<String, float[]> capabilities = new LinkedHashMap<>();
    for (String model : models) {
      costs.put(model, ModelCosts.cost(data.model(model)));
      capabilities.put(model, test.score(model, AptitudeAnswers.of(data.outcomes(), model)));
    }
    List<RoutingMethod> methods = List.of(
        new ModelSatRouting(scores, costs, PolicySpec.quality()),
        new BestSingleModel(data.outcomes()),
        new BestPerGroup("best per subject (src)", data.outcomes(), row -> data.question(row).src()),
        new BestPerGroup("best per category", data.outcomes(), row -> data.question(row).category()),
        new NearestNeighbours(data.outcomes(), embeddings, settings.neighbours()),
        new BestOnAptitude(capabilities));
    ZooEvaluation evaluation = new ZooEvaluation(data.outcomes(), scores, costs);
    List<ZooResult> results = new ArrayList<>();
    for (Zoo zoo : Zoo.standard(models)) {
      results.add(evaluation.evaluate(zoo, folds, methods));
    }
    return new EvaluationReport(results, scores.runs(), settings, test.id(), data.fingerprint(), routingRows.length,
        (System.nanoTime() - started) / 1e9);
  }
}
