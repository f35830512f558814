package org.aptituderouter.trainer.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aptituderouter.core.aptitude.AptitudeTest;
import org.aptituderouter.core.aptitude.TaskEvidence;
import org.aptituderouter.core.policy.PolicySpec;
import org.aptituderouter.trainer.aptitude.ModelEvidence;
import org.aptituderouter.trainer.aptitude.TaskClustering;
import org.aptituderouter.trainer.data.ModelCosts;
import org.aptituderouter.trainer.data.QuestionSplits;
import org.aptituderouter.trainer.data.RoutingDataset;
import org.aptituderouter.trainer.train.HeadFitting;

/**
 * The whole evaluation: cross-fitted held-out scores, then every zoo routed by the Model-SAT router (its models
 * new, known only by aptitude answers; and known, with their history on the training questions) and by the
 * baselines, on questions no head trained on. Questions where some model has no result are left out of scoring
 * (they still train the heads, with that outcome masked).
 */
public final class Evaluation {

  public static final String ROUTER_NEW = "router, new models";
  public static final String ROUTER_KNOWN = "router, known models";
  public static final String BEST_SINGLE = "best single model";
  public static final String PER_MODEL_LOGISTIC = "per-model logistic regression";

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
        .run(data, test, embeddings, ModelFolds.of(models, settings.modelFolds()), questionFolds, listener);

    List<QuestionFold> folds = new ArrayList<>();
    for (int q = 0; q < questionFolds.length; q++) {
      int[] train = QuestionSplits.allBut(questionFolds, q);
      int[] eval = Arrays.stream(questionFolds[q]).filter(row -> data.outcomes().complete(row)).toArray();
      folds.add(new QuestionFold(q, train, eval));
    }
    Map<String, Double> costs = ModelCosts.of(data.models());
    double[] weights = test.weights();
    ModelEvidence evidence = new ModelEvidence(test);
    Map<String, TaskEvidence> newEvidence = new LinkedHashMap<>();
    Map<String, TaskEvidence> knownEvidence = new HashMap<>();
    for (String model : models) {
      newEvidence.put(model, evidence.aptitude(data.outcomes(), model, AptitudeTest.Missing.SKIP));
      for (QuestionFold fold : folds) {
        knownEvidence.put(fold.index() + "/" + model, evidence.withHistory(data.outcomes(), model, embeddings,
            fold.trainRows(), AptitudeTest.Missing.SKIP));
      }
    }
    Map<String, Double> newLevels = new LinkedHashMap<>();
    newEvidence.forEach((model, counts) -> newLevels.put(model, level(weights, test.scores(counts))));
    ModelSatRouting asNew = new ModelSatRouting(ROUTER_NEW, scores.newModels(), scores.models(), costs,
        PolicySpec.quality(), standing(test, (fold, model) -> newEvidence.get(model)));
    ModelSatRouting asKnown = new ModelSatRouting(ROUTER_KNOWN, scores.knownModels(), scores.models(), costs,
        PolicySpec.quality(), standing(test, (fold, model) -> knownEvidence.get(fold.index() + "/" + model)));
    float[][] centroids = test.tasks().stream().map(task -> task.centroid()).toArray(float[][]::new);
    List<RoutingMethod> methods = new ArrayList<>(List.of(asNew, asKnown,
        new BestOnAptitude(newLevels),
        new BestSingleModel(data.outcomes()),
        new BestPerGroup("best per task (labels)", data.outcomes(),
            row -> Integer.toString(TaskClustering.nearest(embeddings[row], centroids)))));
    if (data.questions().stream().anyMatch(question -> !question.category().isBlank())) {
      methods.add(new BestPerGroup("best per category (labels)", data.outcomes(), row -> data.question(row).category()));
    }
    methods.add(new NearestNeighbours(data.outcomes(), embeddings, settings.neighbours()));
    methods.add(new PerModelLogistic(data.outcomes(), embeddings));
    ZooEvaluation evaluation = new ZooEvaluation(data.outcomes(), costs);
    List<ZooResult> results = new ArrayList<>();
    for (Zoo zoo : Zoo.standard(models, costs)) {
      results.add(evaluation.evaluate(zoo, folds, methods, asNew, asKnown));
    }
    return new EvaluationReport(data.name(), results, scores.runs(), settings, test.id(), test.dimension(),
        data.fingerprint(), routingRows.length, costs, (System.nanoTime() - started) / 1e9);
  }

  private interface EvidenceOf {
    TaskEvidence of(QuestionFold fold, String model);
  }

  /** Level and support from a model's evidence, as router-core's capability set derives them. */
  private static ModelSatRouting.Standing standing(AptitudeTest test, EvidenceOf evidence) {
    double[] weights = test.weights();
    return new ModelSatRouting.Standing() {
      @Override
      public double level(QuestionFold fold, String model) {
        return Evaluation.level(weights, test.scores(evidence.of(fold, model)));
      }

      @Override
      public double support(QuestionFold fold, String model) {
        return (double) evidence.of(fold, model).total() / test.dimension() + test.priorItems();
      }
    };
  }

  private static double level(double[] weights, float[] scores) {
    double level = 0;
    for (int k = 0; k < weights.length; k++) {
      level += weights[k] * scores[k];
    }
    return level;
  }
}
