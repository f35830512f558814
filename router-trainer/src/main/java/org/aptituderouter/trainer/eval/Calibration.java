package org.aptituderouter.trainer.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * How well predicted probabilities match observed frequencies: pairs binned by predicted probability (ten equal
 * bins), the expected calibration error (ECE, the count-weighted mean gap between a bin's mean prediction and its
 * observed rate) and the bins for a reliability plot.
 */
public record Calibration(double expectedError, List<Bin> bins, long pairs) {

    public record Bin(double meanPredicted, double observed, long count) {}

    static final int BINS = 10;

    /** Accumulates (probability, outcome) pairs. */
    public static final class Builder {
        private final double[] predicted = new double[BINS];
        private final double[] correct = new double[BINS];
        private final long[] counts = new long[BINS];

        public void add(double probability, int outcome) {
            int bin = Math.min(BINS - 1, (int) (probability * BINS));
            predicted[bin] += probability;
            correct[bin] += outcome;
            counts[bin]++;
        }

        public Calibration build() {
            long total = 0;
            for (long count : counts) {
                total += count;
            }
            double error = 0;
            List<Bin> bins = new ArrayList<>();
            for (int b = 0; b < BINS; b++) {
                if (counts[b] == 0) {
                    continue;
                }
                double meanPredicted = predicted[b] / counts[b];
                double observed = correct[b] / counts[b];
                error += (double) counts[b] / total * Math.abs(meanPredicted - observed);
                bins.add(new Bin(meanPredicted, observed, counts[b]));
            }
            return new Calibration(error, List.copyOf(bins), total);
        }
    }
}
