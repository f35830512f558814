package org.aptituderouter.trainer.eval;

import java.util.List;

/**
 * Scorer probabilities for every (question row, model) pair, each from a head that saw neither that model nor that
 * question in training: what routing an unseen model on unseen instructions looks like.
 *
 * @param models       column order of the probabilities
 * @param newModels    [data-set row][model], the model known only by its aptitude answers (how it joins); NaN for
 *                     rows that were not evaluated (the aptitude questions)
 * @param knownModels  the same head, the model known by its aptitude answers plus its results on the fold's
 *                     training questions (how the router knows a model it has history for)
 * @param runs         the training runs behind the scores
 * @param staged       per evidence stage (see {@link CrossFitting#run}), the same head with the model known by its
 *                     aptitude answers plus part of its history; empty without stages
 */
public record HeldOutScores(
        List<String> models, float[][] newModels, float[][] knownModels, List<FoldRun> runs, List<float[][]> staged) {

    /**
     * One head of the cross-fitting, described by what it held out and how its training went.
     *
     * @param memberEpochs epochs each ensemble member ran before early stopping
     */
    public record FoldRun(
            List<String> heldOutModels,
            int questionFold,
            List<Integer> memberEpochs,
            double validationLoss,
            double validationAuc,
            double heldOutAuc,
            double seconds) {}

    public int column(String model) {
        int column = models.indexOf(model);
        if (column < 0) {
            throw new IllegalArgumentException("no held-out scores for model " + model);
        }
        return column;
    }
}
