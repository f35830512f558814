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
 * (how a known model is described by its whole history). Each row is placed in its task once, on construction.
 */
public final class ModelEvidence {

    private final AptitudeTest test;
    private final Set<String> aptitudeQuestions = new HashSet<>();
    /** The task of every outcome-table row; null when no embeddings were given (aptitude evidence only). */
    private final int[] taskOfRow;

    /** For aptitude evidence only. */
    public ModelEvidence(AptitudeTest test) {
        this(test, null);
    }

    /**
     * @param embeddings one per outcome-table row, or null for aptitude evidence only
     * @throws IllegalArgumentException with embeddings, if the test's tasks have no centroids (a test built from
     *     labels cannot place answered questions)
     */
    public ModelEvidence(AptitudeTest test, float[][] embeddings) {
        this.test = test;
        for (AptitudeTask task : test.tasks()) {
            aptitudeQuestions.addAll(task.questionIds());
        }
        this.taskOfRow = embeddings == null ? null : assign(test, embeddings);
    }

    private static int[] assign(AptitudeTest test, float[][] embeddings) {
        float[][] centroids = new float[test.dimension()][];
        for (int k = 0; k < centroids.length; k++) {
            centroids[k] = test.tasks().get(k).centroid();
            if (centroids[k] == null) {
                throw new IllegalArgumentException(
                        "aptitude test " + test.id()
                                + " has tasks without centroids: answered questions cannot be placed in tasks; use --evidence aptitude");
            }
        }
        int[] tasks = new int[embeddings.length];
        for (int row = 0; row < tasks.length; row++) {
            tasks[row] = TaskClustering.nearest(embeddings[row], centroids);
        }
        return tasks;
    }

    /** The model's answers to the test's questions. */
    public TaskEvidence aptitude(OutcomeTable outcomes, String model, AptitudeTest.Missing missing) {
        return test.evidence(model, AptitudeAnswers.of(outcomes, model), missing);
    }

    /** The task whose centroid is nearest to the row's embedding. */
    public int taskOf(int row) {
        requireEmbeddings();
        return taskOfRow[row];
    }

    /**
     * Aptitude answers plus the model's results on {@code rows} (aptitude questions among them are not counted
     * twice), each in its nearest task.
     */
    public TaskEvidence withHistory(OutcomeTable outcomes, String model, int[] rows, AptitudeTest.Missing missing) {
        requireEmbeddings();
        int column = outcomes.modelIndex(model);
        if (column < 0) {
            throw new IllegalArgumentException("model " + model + " is not a column of the outcomes");
        }
        int[] answered = new int[test.dimension()];
        int[] correct = new int[test.dimension()];
        for (int row : rows) {
            byte outcome = outcomes.outcome(row, column);
            if (outcome == OutcomeTable.MISSING
                    || aptitudeQuestions.contains(outcomes.questionIds().get(row))) {
                continue;
            }
            answered[taskOfRow[row]]++;
            correct[taskOfRow[row]] += outcome;
        }
        return aptitude(outcomes, model, missing).plus(new TaskEvidence(answered, correct));
    }

    private void requireEmbeddings() {
        if (taskOfRow == null) {
            throw new IllegalStateException("history needs the questions' embeddings: construct with them");
        }
    }
}
