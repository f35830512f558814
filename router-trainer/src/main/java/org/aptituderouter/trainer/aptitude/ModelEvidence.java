package org.aptituderouter.trainer.aptitude;

import java.util.HashSet;
import java.util.Set;
import org.aptituderouter.core.aptitude.AptitudeTask;
import org.aptituderouter.core.aptitude.AptitudeTest;
import org.aptituderouter.core.aptitude.TaskEvidence;
import org.aptituderouter.trainer.data.OutcomeTable;

/**
 * A model's evidence from an outcome table: its aptitude answers (how a new model joins), optionally plus every
 * other question it answered, each counted in the task whose centroid is nearest to the question's embedding
 * (how a known model is described by its whole history).
 */
public final class ModelEvidence {

  private final AptitudeTest test;
  private final float[][] centroids;
  private final Set<String> aptitudeQuestions = new HashSet<>();

  public ModelEvidence(AptitudeTest test) {
    this.test = test;
    this.centroids = new float[test.dimension()][];
    for (int k = 0; k < centroids.length; k++) {
      centroids[k] = test.tasks().get(k).centroid();
    }
    for (AptitudeTask task : test.tasks()) {
      aptitudeQuestions.addAll(task.questionIds());
    }
  }

  /** The model's answers to the test's questions. */
  public TaskEvidence aptitude(OutcomeTable outcomes, String model, AptitudeTest.Missing missing) {
    return test.evidence(model, AptitudeAnswers.of(outcomes, model), missing);
  }

  /**
   * Aptitude answers plus the model's results on {@code rows} (aptitude questions among them are not counted
   * twice), each placed in its nearest task.
   *
   * @param embeddings one per outcome-table row
   * @throws IllegalArgumentException if the test's tasks have no centroids (a test built from labels)
   */
  public TaskEvidence withHistory(OutcomeTable outcomes, String model, float[][] embeddings, int[] rows,
      AptitudeTest.Missing missing) {
    for (float[] centroid : centroids) {
      if (centroid == null) {
        throw new IllegalArgumentException("aptitude test " + test.id()
            + " has tasks without centroids: answered questions cannot be placed in tasks; use --evidence aptitude");
      }
    }
    int column = outcomes.modelIndex(model);
    if (column < 0) {
      throw new IllegalArgumentException("model " + model + " is not a column of the outcomes");
    }
    int[] answered = new int[centroids.length];
    int[] correct = new int[centroids.length];
    for (int row : rows) {
      byte outcome = outcomes.outcome(row, column);
      if (outcome == OutcomeTable.MISSING || aptitudeQuestions.contains(outcomes.questionIds().get(row))) {
        continue;
      }
      int task = TaskClustering.nearest(embeddings[row], centroids);
      answered[task]++;
      correct[task] += outcome;
    }
    return aptitude(outcomes, model, missing).plus(new TaskEvidence(answered, correct));
  }

  public AptitudeTest test() {
    return test;
  }
}
