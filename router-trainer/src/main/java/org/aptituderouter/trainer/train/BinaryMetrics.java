package org.aptituderouter.trainer.train;

import java.util.Arrays;
import java.util.Comparator;

/** Metrics of probabilistic predictions against 0/1 outcomes, skipping missing outcomes. */
public final class BinaryMetrics {

    private BinaryMetrics() {}

    /** Area under the ROC curve (Mann-Whitney, ties counted half); 0.5 when one class is absent. */
    public static double auc(float[][] predictions, byte[][] labels) {
        int n = 0;
        for (byte[] row : labels) {
            for (byte label : row) {
                n += label == 0 || label == 1 ? 1 : 0;
            }
        }
        float[] scores = new float[n];
        boolean[] positive = new boolean[n];
        int k = 0;
        for (int i = 0; i < labels.length; i++) {
            for (int j = 0; j < labels[i].length; j++) {
                if (labels[i][j] == 0 || labels[i][j] == 1) {
                    scores[k] = predictions[i][j];
                    positive[k++] = labels[i][j] == 1;
                }
            }
        }
        Integer[] order = new Integer[n];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
        double positiveRankSum = 0;
        long positives = 0;
        int start = 0;
        while (start < n) {
            int end = start;
            while (end + 1 < n && scores[order[end + 1]] == scores[order[start]]) {
                end++;
            }
            double averageRank = (start + end) / 2.0 + 1;
            for (int i = start; i <= end; i++) {
                if (positive[order[i]]) {
                    positiveRankSum += averageRank;
                    positives++;
                }
            }
            start = end + 1;
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            return 0.5;
        }
        return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    /** Mean binary cross-entropy, probabilities clipped away from 0 and 1. */
    public static double logLoss(float[][] predictions, byte[][] labels) {
        double sum = 0;
        long count = 0;
        for (int i = 0; i < labels.length; i++) {
            for (int j = 0; j < labels[i].length; j++) {
                if (labels[i][j] == 0 || labels[i][j] == 1) {
                    double p = Math.min(Math.max(predictions[i][j], 1e-7), 1 - 1e-7);
                    sum -= labels[i][j] == 1 ? Math.log(p) : Math.log(1 - p);
                    count++;
                }
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }
}
