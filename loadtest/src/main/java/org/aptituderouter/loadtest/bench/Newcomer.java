package org.aptituderouter.loadtest.bench;

import java.util.Arrays;
import org.aptituderouter.core.capability.Candidate;
import org.aptituderouter.core.capability.CapabilitySet;

/**
 * The model that joins mid-run in the onboarding measurement. Its vector is as strong as a vector can be (full
 * marks on every task) and it is as cheap as the cheapest model of the zoo, so under any policy it should win
 * instructions at once: the measurement is of how fast the router learns of it, not of whether it is chosen.
 */
final class Newcomer {

    private static final float FULL_MARKS = 1.0f;

    private Newcomer() {
    }

    static Candidate strongest(CapabilitySet zoo, String modelId) {
        float[] scores = new float[zoo.dimension()];
        Arrays.fill(scores, FULL_MARKS);
        double cheapest = zoo.candidates().stream().mapToDouble(Candidate::cost).min().orElse(Candidate.DEFAULT_COST);
        return new Candidate(modelId, zoo.aptitudeTestId(), scores, cheapest);
    }
}
