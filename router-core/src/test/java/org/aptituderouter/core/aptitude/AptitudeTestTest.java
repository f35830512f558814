package org.aptituderouter.core.aptitude;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AptitudeTestTest {

    private static final String JSON = """
            {"id": "apt-test", "tasks": [
              {"name": "ori_mmlu-anatomy", "question_ids": ["q1", "q2", "q3", "q4"]},
              {"name": "ori_mmlu-virology", "question_ids": ["q5", "q6"]}
            ], "note": "fields added later are ignored"}
            """;

    @Test
    void readsTasksInOrder() throws IOException {
        AptitudeTest test = read(JSON);
        assertThat(test.id()).isEqualTo("apt-test");
        assertThat(test.dimension()).isEqualTo(2);
        assertThat(test.tasks())
                .extracting(AptitudeTask::name)
                .containsExactly("ori_mmlu-anatomy", "ori_mmlu-virology");
        assertThat(test.tasks().get(1).questionIds()).containsExactly("q5", "q6");
    }

    @Test
    void scoresAreAccuracyPerTaskInTaskOrder() throws IOException {
        Map<String, Boolean> results =
                new HashMap<>(Map.of("q1", true, "q2", false, "q3", true, "q4", true, "q5", false, "q6", false));
        results.put("unrelated", true);
        assertThat(read(JSON).score("m", results)).containsExactly(0.75f, 0f);
    }

    @Test
    void missingResultsAreNamed() throws IOException {
        Map<String, Boolean> results = Map.of("q1", true, "q2", false, "q4", true, "q5", false);
        MissingAnswersException e = catchThrowableOfType(
                MissingAnswersException.class, () -> read(JSON).score("llama-3-8b", results));
        assertThat(e.modelId()).isEqualTo("llama-3-8b");
        assertThat(e.missingQuestionIds()).containsExactly("q3", "q6");
        assertThat(e).hasMessage("model llama-3-8b has no result for 2 question(s) of aptitude test apt-test: q3, q6");
    }

    @Test
    void longListsOfMissingIdsAreAbbreviatedInTheMessageOnly() throws IOException {
        StringBuilder ids = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            ids.append(i == 0 ? "" : ",").append("\"x").append(i).append('"');
        }
        AptitudeTest test = read("{\"id\":\"t\",\"tasks\":[{\"name\":\"a\",\"question_ids\":[" + ids + "]}]}");
        MissingAnswersException e =
                catchThrowableOfType(MissingAnswersException.class, () -> test.score("m", Map.of()));
        assertThat(e.missingQuestionIds()).hasSize(30);
        assertThat(e).hasMessageContaining("x19 and 10 more");
    }

    @Test
    void writesWhatItReads() throws IOException {
        AptitudeTest test = read(JSON);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        test.write(out);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"question_ids\"");
        assertThat(AptitudeTest.read(new ByteArrayInputStream(out.toByteArray())))
                .isEqualTo(test);
    }

    @Test
    void invalidFilesAreRejectedWithTheReason() {
        assertThatThrownBy(() -> read("{\"id\": \"t\", \"tasks\": []}"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("aptitude test t has no tasks");
        assertThatThrownBy(() -> read("{\"id\": \"t\", \"tasks\": [{\"name\": \"a\", \"question_ids\": []}]}"))
                .hasMessageContaining("aptitude task a has no questions");
        assertThatThrownBy(() -> read("{\"tasks\": [{\"name\": \"a\", \"question_ids\": [\"q\"]}]}"))
                .hasMessageContaining("without an id");
        assertThatThrownBy(() -> new AptitudeTest(
                        "t", List.of(new AptitudeTask("a", List.of("1")), new AptitudeTask("a", List.of("2")))))
                .hasMessageContaining("task a twice");
    }

    @Test
    void anEmbeddingCountsTowardTheTaskWithTheNearestCentroid() {
        AptitudeTest test = new AptitudeTest(
                "t",
                List.of(
                        new AptitudeTask("x", List.of("1"), null, new float[] {1, 0, 0}),
                        new AptitudeTask("y", List.of("2"), null, new float[] {0, 1, 0}),
                        new AptitudeTask("z", List.of("3"), null, new float[] {0, 0, 1})));

        assertThat(test.nearestTask(new float[] {0.1f, 0.2f, 0.9f})).isEqualTo(2);
        assertThat(test.nearestTask(new float[] {0.6f, 0.5f, 0f})).isEqualTo(0);
        assertThat(test.nearestTask(new float[] {1, 0})).as("another dimension").isEqualTo(-1);
        assertThat(new AptitudeTest("labels", List.of(new AptitudeTask("a", List.of("1"))))
                        .nearestTask(new float[] {1, 0, 0}))
                .as("tasks without centroids")
                .isEqualTo(-1);
    }

    @Test
    void readLeavesTheStreamOpen() throws IOException {
        var in = new ByteArrayInputStream(JSON.getBytes(StandardCharsets.UTF_8)) {
            boolean closed;

            @Override
            public void close() {
                closed = true;
            }
        };
        AptitudeTest.read(in);
        assertThat(in.closed).isFalse();
    }

    private static AptitudeTest read(String json) throws IOException {
        return AptitudeTest.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}
