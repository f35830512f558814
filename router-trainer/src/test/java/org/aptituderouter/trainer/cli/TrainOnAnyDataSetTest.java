package org.aptituderouter.trainer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.aptituderouter.core.bundle.RouterBundle;
import org.aptituderouter.trainer.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CI run of the label-free path: train a small seeded bundle on a sample of nim-mixed (no categories, no
 * options), onboard a model from its aptitude answers with that bundle, and route with it.
 */
class TrainOnAnyDataSetTest {

    @TempDir
    Path dir;

    @Test
    void trainsOnUnlabelledDataThenOnboardsAndRoutesWithTheBundle() throws IOException {
        Path data = Path.of(System.getProperty("shared.data.dir", "../../shared/routing-data"))
                .resolve("nim-mixed");
        SharedData.nim(); // skips with a reason when the shared data is absent
        Path bundle = dir.resolve("bundle");

        CliRun train = CliRun.of(
                "train",
                "--data",
                data.toString(),
                "--out",
                bundle.toString(),
                "--sample",
                "600",
                "--tasks",
                "4",
                "--seed",
                "7");

        assertThat(train.exitCode()).as(train.err()).isZero();
        RouterBundle loaded = RouterBundle.load(bundle);
        assertThat(loaded.aptitudeTest().id()).matches("nim-mixed-apt-v2-[0-9a-f]{8}");
        assertThat(loaded.aptitudeTest().dimension()).isEqualTo(4);
        assertThat(loaded.zoo()).hasSize(7);
        int asked = loaded.aptitudeTest().tasks().stream()
                .mapToInt(task -> task.questionIds().size())
                .sum();
        assertThat(asked).as("a fifth of the 600 sampled questions").isBetween(100, 120);

        CliRun capabilities = CliRun.of(
                "capabilities",
                "--bundle",
                bundle.toString(),
                "--outcomes",
                data.resolve("outcomes.csv").toString(),
                "--models",
                "qwen2.5-7b-instruct");
        assertThat(capabilities.exitCode()).as(capabilities.err()).isZero();
        JsonNode line = new ObjectMapper().readTree(capabilities.out().strip());
        assertThat(line.get("aptitude_test_id").asText())
                .isEqualTo(loaded.aptitudeTest().id());
        assertThat(line.get("answered")).hasSize(4);
        Path caps = Files.writeString(
                dir.resolve("caps.jsonl"),
                capabilities.out()
                        + loaded.zoo().stream()
                                .filter(c -> c.modelId().equals("codegemma-7b"))
                                .map(org.aptituderouter.core.capability.CapabilityLines::format)
                                .findFirst()
                                .orElseThrow()
                        + "\n");

        Path questions = Files.writeString(dir.resolve("q.jsonl"), """
        {"question_id": "code", "question": "def add(a, b):\\n    \\"\\"\\"Return the sum of a and b.\\"\\"\\"\\n"}
        {"question_id": "qa", "question": "Who wrote the novel Moby-Dick?"}
        """);
        CliRun route = CliRun.of(
                "route",
                "--bundle",
                bundle.toString(),
                "--questions",
                questions.toString(),
                "--capabilities",
                caps.toString(),
                "--scores");
        assertThat(route.exitCode()).as(route.err()).isZero();
        List<String> rows = route.out().lines().skip(1).toList();
        assertThat(rows)
                .hasSize(4)
                .allMatch(row -> row.matches("(code|qa),(qwen2\\.5-7b-instruct|codegemma-7b),0\\.\\d{6}"));
    }

    @Test
    void refusesANegativeSample() {
        CliRun train = CliRun.of("train", "--data", dir.toString(), "--sample", "-5");
        assertThat(train.exitCode()).isEqualTo(2);
        assertThat(train.err()).contains("--sample must be a positive number");
    }

    @Test
    void refusesCapabilitiesOfAnotherTest() throws IOException {
        Path bundle = TinyAptitudeTest.writeBundle(dir.resolve("tiny"));
        Path questions = Files.writeString(dir.resolve("q.jsonl"), "{\"question_id\": \"q\", \"question\": \"Hi?\"}\n");
        Path caps = Files.writeString(
                dir.resolve("caps.jsonl"),
                "{\"model_id\": \"old\", \"aptitude_test_id\": \"mmlu-pro-apt-v1\", \"scores\": [0.5, 0.5, 0.5]}\n");

        CliRun route = CliRun.of(
                "route",
                "--bundle",
                bundle.toString(),
                "--questions",
                questions.toString(),
                "--capabilities",
                caps.toString());

        assertThat(route.exitCode()).isEqualTo(2);
        assertThat(route.err()).contains("mmlu-pro-apt-v1").contains("tiny-apt").contains("bin/router capabilities");
    }
}
