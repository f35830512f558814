package org.aptituderouter.core.capability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.aptituderouter.core.aptitude.AptitudeTask;
import org.aptituderouter.core.aptitude.AptitudeTest;
import org.aptituderouter.core.aptitude.TaskEvidence;
import org.junit.jupiter.api.Test;

/** Capabilities that carry evidence, under a test with task shares and shrinkage. */
class EvidenceCapabilitySetTest {

    private static final AptitudeTest TEST = new AptitudeTest(
            "apt-v2",
            List.of(new AptitudeTask("a", List.of("a1"), 3.0, null), new AptitudeTask("b", List.of("b1"), 1.0, null)),
            10.0);

    @Test
    void scoresAreRecomputedFromTheEvidenceWithTheTestsShrinkage() {
        TaskEvidence evidence = new TaskEvidence(new int[] {10, 10}, new int[] {10, 0});
        Candidate published = new Candidate("m", "apt-v2", new float[] {1f, 0f}, 1, ModelStatus.ACTIVE, evidence);

        Candidate stored = CapabilitySet.empty(TEST).with(published).find("m").orElseThrow();

        // overall 0.5; (10 + 5) / 20 = 0.75 and (0 + 5) / 20 = 0.25, whatever scores were published
        assertThat(stored.scores()).containsExactly(0.75f, 0.25f);
        assertThat(stored.evidence()).isEqualTo(evidence);
    }

    @Test
    void levelWeighsTasksByTheirShareOfTraffic() {
        CapabilitySet set = CapabilitySet.empty(TEST).with(new Candidate("m", "apt-v2", new float[] {0.8f, 0.4f}, 1));
        assertThat(set.level(set.find("m").orElseThrow())).isCloseTo(0.75 * 0.8 + 0.25 * 0.4, within(1e-6));
    }

    @Test
    void supportIsTheEvidencePerTaskPlusThePriorOrTheTestsSizeWithoutEvidence() {
        CapabilitySet set = CapabilitySet.empty(TEST)
                .with(new Candidate(
                        "counted",
                        "apt-v2",
                        new float[] {0.5f, 0.5f},
                        1,
                        ModelStatus.ACTIVE,
                        new TaskEvidence(new int[] {300, 100}, new int[] {150, 50})))
                .with(new Candidate("published", "apt-v2", new float[] {0.5f, 0.5f}, 1));
        assertThat(set.support(set.find("counted").orElseThrow())).isEqualTo(200 + 10.0);
        assertThat(set.support(set.find("published").orElseThrow())).isEqualTo(1 + 10.0);
    }

    @Test
    void refusesEvidenceOfAnotherShapeAndRecordsOfAReplacedTest() {
        TaskEvidence three = new TaskEvidence(new int[] {1, 1, 1}, new int[] {0, 0, 0});
        assertThatThrownBy(() -> CapabilitySet.empty(TEST)
                        .with(new Candidate("m", "apt-v2", new float[] {0.5f, 0.5f}, 1, ModelStatus.ACTIVE, three)))
                .hasMessageContaining("evidence covers 3 tasks");
        assertThatThrownBy(() -> CapabilitySet.empty(TEST)
                        .with(new Candidate("old", "mmlu-pro-apt-v1", new float[] {0.5f, 0.5f}, 1)))
                .isInstanceOf(CapabilityValidationException.class)
                .hasMessageContaining("mmlu-pro-apt-v1")
                .hasMessageContaining("apt-v2")
                .hasMessageContaining("recompute it with bin/router capabilities");
    }

    @Test
    void capabilityLinesCarryTheEvidenceBothWays() {
        Candidate candidate = new Candidate(
                "m",
                "apt-v2",
                new float[] {0.5f, 0.25f},
                7,
                ModelStatus.ACTIVE,
                new TaskEvidence(new int[] {4, 8}, new int[] {2, 2}));
        assertThat(CapabilityLines.parse(CapabilityLines.format(candidate))).isEqualTo(candidate);
        assertThatThrownBy(() -> CapabilityLines.parse(
                        "{\"model_id\":\"m\",\"aptitude_test_id\":\"t\",\"scores\":[0.5],\"answered\":[2]}"))
                .hasMessageContaining("one of answered/correct without the other");
        assertThatThrownBy(
                        () -> CapabilityLines.parse(
                                "{\"model_id\":\"m\",\"aptitude_test_id\":\"t\",\"scores\":[0.5],\"answered\":[2],\"correct\":[3]}"))
                .hasMessageContaining("3 correct of 2 answered");
    }
}
