package org.aptituderouter.app.outcomes;

import org.aptituderouter.core.aptitude.TaskEvidence;

/**
 * Whether a model's graded outcomes disagree with what its aptitude answers predicted: the outcomes' share correct
 * against the expected share (each outcome's task scored from the published evidence), as a z-score of the
 * binomial. Flagged from {@link #MIN_OUTCOMES} outcomes at |z| >= {@link #FLAG_Z}: by chance that happens about
 * 3 times in 1,000.
 *
 * @param outcomes how many outcomes the comparison rests on
 * @param observed their share correct
 * @param expected the share the published capability predicted for the same tasks
 * @param z        (observed - expected) in binomial standard errors; 0 without outcomes
 */
public record Drift(long outcomes, double observed, double expected, double z) {

    public static final int MIN_OUTCOMES = 30;
    public static final double FLAG_Z = 3.0;

    /**
     * @param publishedScores the model's capability vector from its published record, before live evidence
     * @param live            the model's live evidence
     */
    public static Drift of(float[] publishedScores, TaskEvidence live) {
        int[] answered = live.answered();
        int[] correct = live.correct();
        long n = 0;
        double right = 0;
        double expectedRight = 0;
        for (int k = 0; k < answered.length; k++) {
            n += answered[k];
            right += correct[k];
            expectedRight += answered[k] * (double) publishedScores[k];
        }
        if (n == 0) {
            return new Drift(0, 0, 0, 0);
        }
        double observed = right / n;
        double expected = expectedRight / n;
        double variance = Math.max(expected * (1 - expected), 1e-6) / n;
        return new Drift(n, observed, expected, (observed - expected) / Math.sqrt(variance));
    }

    public boolean flagged() {
        return outcomes >= MIN_OUTCOMES && Math.abs(z) >= FLAG_Z;
    }
}
