package org.aptituderouter.trainer.eval;

import java.util.List;
import org.aptituderouter.core.aptitude.OutcomeCorrection;
import org.aptituderouter.trainer.data.OutcomeTable;

/**
 * The online evaluation's corrections, as the live router learns them: per fold and model, router-core's
 * {@link OutcomeCorrection} takes the model's graded outcomes in arrival order, each against the scorer's
 * probability for the model known by its aptitude answers (as the live router learns against the model's published
 * record), then corrects the staged scores of the fold's held-out questions.
 */
final class OnlineCorrections {

    /** The rows whose outcomes arrived first, per fold. */
    interface Arrivals {
        int[] of(QuestionFold fold);
    }

    private final OutcomeTable outcomes;
    private final float[][] embeddings;
    private final HeldOutScores scores;

    OnlineCorrections(OutcomeTable outcomes, float[][] embeddings, HeldOutScores scores) {
        this.outcomes = outcomes;
        this.embeddings = embeddings;
        this.scores = scores;
    }

    /** {@code staged} [row][model] with each model's correction applied on every fold's held-out rows; a copy. */
    float[][] apply(float[][] staged, List<QuestionFold> folds, Arrivals arrivals) {
        float[][] out = new float[staged.length][];
        for (int r = 0; r < staged.length; r++) {
            out[r] = staged[r].clone();
        }
        for (QuestionFold fold : folds) {
            int[] arrived = arrivals.of(fold);
            for (String model : scores.models()) {
                OutcomeCorrection correction = learn(arrived, model);
                int column = scores.column(model);
                for (int row : fold.evalRows()) {
                    out[row][column] = correction.corrected(staged[row][column], embeddings[row]);
                }
            }
        }
        return out;
    }

    private OutcomeCorrection learn(int[] arrived, String model) {
        int column = scores.column(model);
        int graded = outcomes.modelIndex(model);
        OutcomeCorrection correction = OutcomeCorrection.prior(embeddings[0].length);
        for (int row : arrived) {
            int y = outcomes.outcome(row, graded);
            float probability = scores.newModels()[row][column];
            if (y == OutcomeTable.MISSING || Float.isNaN(probability)) {
                continue; // no grade, or a question the cross-fitting did not score (it is incomplete)
            }
            correction = correction.after(embeddings[row], probability, y);
        }
        return correction;
    }
}
