package org.aptituderouter.app.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.aptituderouter.core.aptitude.TaskEvidence;
import org.junit.jupiter.api.Test;

class DriftTest {

    private static final float[] PUBLISHED = {0.8f, 0.4f};

    @Test
    void outcomesAsPredictedAreNotFlagged() {
        Drift drift = Drift.of(PUBLISHED, new TaskEvidence(new int[] {50, 50}, new int[] {40, 20}));

        assertThat(drift.expected()).isCloseTo(0.6, within(1e-6));
        assertThat(drift.observed()).isCloseTo(0.6, within(1e-6));
        assertThat(drift.flagged()).isFalse();
    }

    @Test
    void aModelFarWorseThanItsAptitudeIsFlagged() {
        Drift drift = Drift.of(PUBLISHED, new TaskEvidence(new int[] {60, 0}, new int[] {24, 0}));

        assertThat(drift.expected()).isCloseTo(0.8, within(1e-6));
        assertThat(drift.z()).isLessThan(-Drift.FLAG_Z);
        assertThat(drift.flagged()).isTrue();
    }

    @Test
    void tooFewOutcomesAreNeverFlagged() {
        Drift drift = Drift.of(PUBLISHED, new TaskEvidence(new int[] {10, 0}, new int[] {0, 0}));

        assertThat(Math.abs(drift.z())).isGreaterThan(Drift.FLAG_Z);
        assertThat(drift.flagged()).isFalse();
        assertThat(Drift.of(PUBLISHED, new TaskEvidence(new int[2], new int[2])).outcomes())
                .isZero();
    }
}
