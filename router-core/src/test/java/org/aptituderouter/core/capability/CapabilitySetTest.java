package org.aptituderouter.core.capability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.aptituderouter.core.aptitude.AptitudeTask;
import org.aptituderouter.core.aptitude.AptitudeTest;
import org.junit.jupiter.api.Test;

class CapabilitySetTest {

    private static final AptitudeTest TEST = new AptitudeTest(
            "apt-v1",
            List.of(
                    new AptitudeTask("a", List.of("1")),
                    new AptitudeTask("b", List.of("2")),
                    new AptitudeTask("c", List.of("3"))));
    private static final CapabilitySet EMPTY = CapabilitySet.empty(TEST);

    private static Candidate candidate(String id, float... scores) {
        return new Candidate(id, "apt-v1", scores, 8.0);
    }

    @Test
    void everyDerivedSetHasTheNextVersion() {
        CapabilitySet one = EMPTY.with(candidate("m1", 0.1f, 0.2f, 0.3f));
        CapabilitySet two = one.with(candidate("m2", 0.4f, 0.5f, 0.6f));
        CapabilitySet replaced = two.with(candidate("m1", 0.9f, 0.9f, 0.9f));
        CapabilitySet removed = replaced.without("m2");
        CapabilitySet removedAgain = removed.without("m2");

        assertThat(EMPTY.version()).isZero();
        assertThat(List.of(one, two, replaced, removed, removedAgain))
                .extracting(CapabilitySet::version)
                .containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(replaced.size()).isEqualTo(2);
        assertThat(replaced.find("m1").orElseThrow().scores()).containsExactly(0.9f, 0.9f, 0.9f);
        assertThat(removed.modelIds()).containsExactly("m1");
        assertThat(removed.find("m2")).isEmpty();
    }

    @Test
    void derivingNeverChangesTheOriginal() {
        CapabilitySet one = EMPTY.with(candidate("m1", 0.1f, 0.2f, 0.3f));
        one.with(candidate("m2", 0.4f, 0.5f, 0.6f));
        one.without("m1");
        assertThat(one.modelIds()).containsExactly("m1");
        assertThat(one.version()).isEqualTo(1);
        assertThat(EMPTY.size()).isZero();
    }

    @Test
    void isImmutableThroughEveryAccessor() {
        float[] scores = {0.1f, 0.2f, 0.3f};
        Candidate c = new Candidate("m1", "apt-v1", scores, 2.0);
        CapabilitySet set = EMPTY.with(c);
        scores[0] = 0.99f;
        c.scores()[1] = 0.99f;
        set.routableScores()[0][2] = 0.99f;

        assertThat(set.find("m1").orElseThrow().scores()).containsExactly(0.1f, 0.2f, 0.3f);
        assertThat(set.routableScores()[0]).containsExactly(0.1f, 0.2f, 0.3f);
        assertThatThrownBy(() -> set.candidates().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> set.routable().add(c)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> set.modelIds().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void drainingCandidatesAreListedButNotRoutable() {
        CapabilitySet set = EMPTY.withAll(List.of(
                candidate("b", 0.1f, 0.2f, 0.3f),
                candidate("a", 0.4f, 0.5f, 0.6f).withStatus(ModelStatus.DRAINING),
                candidate("c", 0.7f, 0.8f, 0.9f)));
        assertThat(set.version()).isEqualTo(1);
        assertThat(set.candidates()).extracting(Candidate::modelId).containsExactly("a", "b", "c");
        assertThat(set.routable()).extracting(Candidate::modelId).containsExactly("b", "c");
        assertThat(set.routableScores()).hasNumberOfRows(2);
        assertThat(set.routableScores()[1]).containsExactly(0.7f, 0.8f, 0.9f);
        assertThat(set.find("a").orElseThrow().status()).isEqualTo(ModelStatus.DRAINING);
    }

    @Test
    void rejectsAnotherAptitudeTest() {
        assertRejected(
                new Candidate("gpt-x", "apt-v0", new float[] {0.1f, 0.2f, 0.3f}, 1),
                "capability of model gpt-x rejected: it took aptitude test apt-v0 but this router uses apt-v1; publish results of apt-v1");
    }

    @Test
    void rejectsTheWrongLength() {
        assertRejected(
                candidate("short", 0.1f, 0.2f),
                "capability of model short rejected: it has 2 scores, aptitude test apt-v1 has 3 tasks");
    }

    @Test
    void rejectsNaN() {
        assertRejected(candidate("nan", 0.1f, Float.NaN, 0.3f), "capability of model nan rejected: score 1 is NaN");
    }

    @Test
    void rejectsScoresOutsideTheUnitInterval() {
        assertRejected(
                candidate("big", 0.1f, 0.2f, 1.5f), "capability of model big rejected: score 2 is 1.5, outside [0,1]");
        assertRejected(
                candidate("neg", -0.1f, 0.2f, 0.5f),
                "capability of model neg rejected: score 0 is -0.1, outside [0,1]");
        assertRejected(
                candidate("inf", 0.1f, Float.POSITIVE_INFINITY, 0.5f), "model inf rejected: score 1 is Infinity");
    }

    @Test
    void rejectsBadCosts() {
        float[] ok = {0.1f, 0.2f, 0.3f};
        assertRejected(
                new Candidate("cheap", "apt-v1", ok, -1),
                "model cheap rejected: cost -1.0 is not a non-negative finite number");
        assertRejected(new Candidate("nan-cost", "apt-v1", ok, Double.NaN), "model nan-cost rejected: cost NaN");
        assertRejected(
                new Candidate("inf-cost", "apt-v1", ok, Double.POSITIVE_INFINITY),
                "model inf-cost rejected: cost Infinity");
        assertThat(EMPTY.with(new Candidate("free", "apt-v1", ok, 0)).size()).isEqualTo(1);
    }

    @Test
    void aBatchWithOneBadCandidateChangesNothing() {
        assertThatThrownBy(
                        () -> EMPTY.withAll(List.of(candidate("good", 0.1f, 0.2f, 0.3f), candidate("bad", 2f, 0f, 0f))))
                .isInstanceOf(CapabilityValidationException.class)
                .hasMessageContaining("bad");
        assertThat(EMPTY.size()).isZero();
    }

    @Test
    void knowsItsTestByIdAndLength() {
        CapabilitySet fromStream = CapabilitySet.empty("apt-v1", 3);
        assertThat(fromStream.aptitudeTestId()).isEqualTo("apt-v1");
        assertThat(fromStream.dimension()).isEqualTo(3);
        assertThat(fromStream.with(candidate("m", 0f, 0f, 1f)).size()).isEqualTo(1);
    }

    private static void assertRejected(Candidate c, String message) {
        assertThatThrownBy(() -> EMPTY.with(c))
                .isInstanceOf(CapabilityValidationException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((CapabilityValidationException) e).modelId())
                        .isEqualTo(c.modelId()));
    }
}
