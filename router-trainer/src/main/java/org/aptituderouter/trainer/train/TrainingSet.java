package org.aptituderouter.trainer.train;

import java.util.List;
import org.aptituderouter.trainer.data.OutcomeTable;

/**
 * What one training run sees: embeddings of all data-set rows, outcomes of the training models only, the rows
 * to fit and the rows to stop on, and the training models' capability vectors from their aptitude answers alone,
 * as a new model would bring them.
 *
 * @param embeddings     one row per data-set question (indexed like the outcome table)
 * @param models         training models, in the column order of {@link #capabilities}
 * @param trainRows      question rows to fit
 * @param validationRows question rows for early stopping; disjoint from trainRows
 * @param capabilities   [model][task], row for row with {@code models}
 */
public record TrainingSet(
        float[][] embeddings,
        OutcomeTable outcomes,
        List<String> models,
        int[] trainRows,
        int[] validationRows,
        float[][] capabilities) {

    public TrainingSet {
        models = List.copyOf(models);
        if (capabilities.length != models.size()) {
            throw new IllegalArgumentException(
                    "capabilities for " + capabilities.length + " models, " + models.size() + " named");
        }
    }

    /** Labels [rows][models]: 1, 0, or {@link OutcomeTable#MISSING}. */
    public byte[][] labels(int[] rows) {
        int[] columns = models.stream().mapToInt(outcomes::modelIndex).toArray();
        byte[][] labels = new byte[rows.length][columns.length];
        for (int i = 0; i < rows.length; i++) {
            for (int m = 0; m < columns.length; m++) {
                labels[i][m] = outcomes.outcome(rows[i], columns[m]);
            }
        }
        return labels;
    }

    public float[][] embeddingsOf(int[] rows) {
        float[][] out = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = embeddings[rows[i]];
        }
        return out;
    }
}
