package org.aptituderouter.core.aptitude;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskEvidenceTest {

    // overall 60 of 100 = 0.6; task 0: 18 of 20, task 1: 42 of 80
    private final TaskEvidence evidence = new TaskEvidence(new int[] {20, 80}, new int[] {18, 42});

    @Test
    void scoresShrinkTowardTheOverallLevelInProportionToTheEvidence() {
        float[] raw = evidence.scores(0);
        float[] shrunk = evidence.scores(20);
        assertThat(raw[0]).isCloseTo(0.9f, within(1e-6f));
        assertThat(raw[1]).isCloseTo(0.525f, within(1e-6f));
        // (18 + 20 x 0.6) / 40 = 0.75: a 20-item task moves half way; (42 + 12) / 100 = 0.54: an 80-item one a fifth
        assertThat(shrunk[0]).isCloseTo(0.75f, within(1e-6f));
        assertThat(shrunk[1]).isCloseTo(0.54f, within(1e-6f));
        assertThat(evidence.overall()).isEqualTo(0.6);
    }

    @Test
    void aTaskOffsetMovesThePriorItIsShrunkToward() {
        // overall 0.6 (logit 0.405); task 1 is a logit harder than a model's level: prior sigmoid(-0.595) = 0.3555
        float[] scores = evidence.scores(20, new double[] {0, -1});
        double prior = 1 / (1 + Math.exp(-(Math.log(0.6 / 0.4) - 1)));
        assertThat(scores[0]).isCloseTo(0.75f, within(1e-6f));
        assertThat((double) scores[1]).isCloseTo((42 + 20 * prior) / 100, within(1e-6));
        assertThat(new TaskEvidence(new int[] {0, 0}, new int[] {0, 0}).scores(20, new double[] {0, 2})[1])
                .as("no evidence: the model's level moved by the task's offset")
                .isCloseTo(0.8808f, within(1e-4f));
    }

    @Test
    void aTaskNeverAnsweredReadsAsTheOverallLevel() {
        TaskEvidence partial = new TaskEvidence(new int[] {10, 0}, new int[] {7, 0});
        assertThat(partial.scores(0)[1]).isEqualTo(0.7f);
        assertThat(partial.scores(5)[1]).isEqualTo(0.7f);
        assertThat(new TaskEvidence(new int[] {0}, new int[] {0}).scores(5)[0]).isEqualTo(0.5f);
    }

    @Test
    void addsTaskByTaskAndRejectsImpossibleCounts() {
        TaskEvidence sum = evidence.plus(new TaskEvidence(new int[] {5, 0}, new int[] {1, 0}));
        assertThat(sum.answered()).containsExactly(25, 80);
        assertThat(sum.correct()).containsExactly(19, 42);
        assertThatThrownBy(() -> new TaskEvidence(new int[] {3}, new int[] {4}))
                .hasMessageContaining("4 correct of 3 answered");
        assertThatThrownBy(() -> evidence.plus(new TaskEvidence(new int[] {1}, new int[] {1})))
                .hasMessageContaining("1 tasks added to 2");
    }

    @Test
    void aptitudeTestCountsAnswersAndHonoursTheMissingPolicy() {
        AptitudeTest test = new AptitudeTest(
                "t",
                List.of(new AptitudeTask("a", List.of("a1", "a2")), new AptitudeTask("b", List.of("b1", "b2"))),
                2.0);
        Map<String, Boolean> answers = Map.of("a1", true, "a2", false, "b1", true);

        assertThatThrownBy(() -> test.evidence("m", answers, AptitudeTest.Missing.ERROR))
                .isInstanceOf(MissingAnswersException.class)
                .hasMessageContaining("b2");
        assertThat(test.evidence("m", answers, AptitudeTest.Missing.WRONG).answered())
                .containsExactly(2, 2);
        assertThat(test.evidence("m", answers, AptitudeTest.Missing.WRONG).correct())
                .containsExactly(1, 1);
        assertThat(test.evidence("m", answers, AptitudeTest.Missing.SKIP).answered())
                .containsExactly(2, 1);
        // with every answer given, score() is the evidence shrunk by the test's prior toward the overall 3 of 4:
        // (1 + 2 x 0.75) / 4 and (2 + 2 x 0.75) / 4
        Map<String, Boolean> complete = Map.of("a1", true, "a2", false, "b1", true, "b2", true);
        assertThat(test.score("m", complete)).containsExactly(0.625f, 0.875f);
    }
}
