package org.aptituderouter.app.demo;

import java.util.Arrays;
import org.aptituderouter.core.capability.Candidate;
import org.aptituderouter.core.capability.CapabilitySet;

/**
 * A model released after the router was trained, known only by its aptitude-test results: here, a little better
 * than the best of the zoo at every task, so the onboarding shows traffic moving to it.
 */
public final class Newcomer {

    static final String MODEL_ID = "newcomer-demo-1";
    /** How far the newcomer's accuracy is above the best zoo model's, per task. */
    private static final float MARGIN = 0.1f;
    private static final float CEILING = 0.99f;

    private Newcomer() {
    }

    public static Candidate beating(CapabilitySet zoo, String modelId, double cost) {
        float[] best = new float[zoo.dimension()];
        Arrays.fill(best, 0f);
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
}
