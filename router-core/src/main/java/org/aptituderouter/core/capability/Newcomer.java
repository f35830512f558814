package org.aptituderouter.core.capability;

import java.util.Arrays;

/**
 * Synthetic models released after the router was trained, known only by their aptitude-test results: what the demo
 * and the benchmark publish to show (and time) a model joining live.
 */
public final class Newcomer {

    /** How far {@link #beating} scores above the best zoo model, per task. */
    private static final float MARGIN = 0.1f;

    private static final float CEILING = 0.99f;
    private static final float FULL_MARKS = 1.0f;

    private Newcomer() {}

    /**
     * A little better than the best of the zoo at every task (its per-task best plus 0.1, at most 0.99), so traffic
     * visibly moves to it under the quality policy.
     */
    public static Candidate beating(CapabilitySet zoo, String modelId, double cost) {
        float[] best = new float[zoo.dimension()];
        for (Candidate candidate : zoo.candidates()) {
            for (int task = 0; task < best.length; task++) {
                best[task] = Math.max(best[task], candidate.score(task));
            }
        }
        for (int task = 0; task < best.length; task++) {
            best[task] = Math.min(CEILING, best[task] + MARGIN);
        }
        return new Candidate(modelId, zoo.aptitudeTestId(), best, cost);
    }

    /**
     * Full marks on every task, as cheap as the cheapest model of the zoo: chosen at once under any policy, so a
     * measurement of onboarding times how fast the router learns of it, not whether it is chosen.
     */
    public static Candidate withFullMarks(CapabilitySet zoo, String modelId) {
        float[] scores = new float[zoo.dimension()];
        Arrays.fill(scores, FULL_MARKS);
        double cheapest =
                zoo.candidates().stream().mapToDouble(Candidate::cost).min().orElse(Candidate.DEFAULT_COST);
        return new Candidate(modelId, zoo.aptitudeTestId(), scores, cheapest);
    }
}
