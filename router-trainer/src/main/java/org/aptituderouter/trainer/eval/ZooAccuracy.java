package org.aptituderouter.trainer.eval;

import org.aptituderouter.trainer.data.OutcomeTable;

/** Per-model accuracies of a zoo over a set of rows: what label-based baselines choose from. */
final class ZooAccuracy {

    private ZooAccuracy() {}

    /** Mean correctness of each zoo model over the rows, missing outcomes skipped. */
    static double[] of(OutcomeTable outcomes, Zoo zoo, int[] rows) {
        double[] accuracy = new double[zoo.models().size()];
        for (int m = 0; m < accuracy.length; m++) {
            int column = outcomes.modelIndex(zoo.models().get(m));
            int right = 0;
            int answered = 0;
            for (int row : rows) {
                byte outcome = outcomes.outcome(row, column);
                if (outcome != OutcomeTable.MISSING) {
                    right += outcome;
                    answered++;
                }
            }
            accuracy[m] = answered == 0 ? 0 : (double) right / answered;
        }
        return accuracy;
    }

    /** Index of the largest value; the first on ties, so zoo order breaks them deterministically. */
    static int argmax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }
}
