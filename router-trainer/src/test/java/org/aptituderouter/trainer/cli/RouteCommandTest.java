package org.aptituderouter.trainer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.aptituderouter.core.encoder.StaticTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Routes with the real encoder and an untrained head of the tiny test's width: checks plumbing, not quality. */
class RouteCommandTest {

    private static final String CAPABILITIES = """
      {"model_id": "small", "aptitude_test_id": "tiny-apt", "scores": [0.2, 0.4, 0.3], "cost": 7}
      {"model_id": "large", "aptitude_test_id": "tiny-apt", "scores": [0.9, 0.8, 0.7], "cost": 70}
      {"model_id": "medium", "aptitude_test_id": "tiny-apt", "scores": [0.5, 0.6, 0.5], "cost": 30}
      """;

    @TempDir
    Path dir;

    Path bundle;

    @BeforeEach
    void writeModel() throws IOException {
        bundle = TinyAptitudeTest.writeBundle(dir.resolve("bundle"));
    }

    @Test
    void routesEachQuestionToOneModel() throws IOException {
        Path questions = Files.writeString(dir.resolve("q.jsonl"), """
        {"question_id": "q1", "question": "What is 2+2?", "options": ["3", "4"]}
        {"question_id": 2, "question": "Name the capital of France."}
        """);

        CliRun run = route(questions, Files.writeString(dir.resolve("caps.jsonl"), CAPABILITIES));

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("question_id,model_id,probability");
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).matches("q1,(small|medium|large),0\\.\\d{6}");
        assertThat(lines.get(2)).startsWith("2,");
    }

    @Test
    void scoresListsEveryCandidateAndModelsRestrictsThem() throws IOException {
        Path questions =
                Files.writeString(dir.resolve("q.jsonl"), "{\"question_id\": \"q1\", \"question\": \"Hi?\"}\n");
        Path caps = Files.writeString(dir.resolve("caps.jsonl"), CAPABILITIES);

        CliRun all = route(questions, caps, "--scores");
        CliRun two = route(questions, caps, "--scores", "--models", "small,medium");
        CliRun cheap = route(questions, caps, "--policy", "cost", "--lambda", "1");

        assertThat(all.out().lines().skip(1).map(line -> line.split(",")[1]))
                .containsExactlyInAnyOrder("small", "large", "medium");
        assertThat(two.out().lines().skip(1).map(line -> line.split(",")[1]))
                .containsExactlyInAnyOrder("small", "medium");
        assertThat(cheap.out().lines().skip(1)).singleElement().asString().startsWith("q1,small,");
    }

    @Test
    void quotesIdsWithCommasAndQuotesSoACsvReaderGetsThemBack() throws IOException {
        Path questions =
                Files.writeString(dir.resolve("q.jsonl"), "{\"question_id\": \"q,1\", \"question\": \"Hi?\"}\n");
        Path caps = Files.writeString(dir.resolve("caps.jsonl"), """
        {"model_id": "acme/chat,v2", "aptitude_test_id": "tiny-apt", "scores": [0.9, 0.8, 0.7], "cost": 7}
        {"model_id": "the \\"big\\" one", "aptitude_test_id": "tiny-apt", "scores": [0.2, 0.4, 0.3], "cost": 70}
        """);

        CliRun run = route(questions, caps, "--scores");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<CSVRecord> records = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(run.out()))
                .getRecords();
        assertThat(records).extracting(r -> r.get("question_id")).containsOnly("q,1");
        assertThat(records)
                .extracting(r -> r.get("model_id"))
                .containsExactlyInAnyOrder("acme/chat,v2", "the \"big\" one");
    }

    @Test
    void reportsEachBadRecordAndRoutesTheOthers() throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes("{\"question_id\": \"good1\", \"question\": \"Fine?\"}\n".getBytes(StandardCharsets.UTF_8));
        file.writeBytes("{\"question_id\": \"broken\", \"question\": \n".getBytes(StandardCharsets.UTF_8));
        file.writeBytes("{\"question_id\": \"latin1\", \"question\": \"caf".getBytes(StandardCharsets.UTF_8));
        file.writeBytes(new byte[] {(byte) 0xE9, '"', '}', '\n'});
        file.writeBytes("{\"question_id\": \"empty\", \"question\": \"  \", \"options\": [\"x\"]}\n"
                .getBytes(StandardCharsets.UTF_8));
        file.writeBytes(
                "{\"question_id\": \"good2\", \"question\": \"Also fine?\"}\n".getBytes(StandardCharsets.UTF_8));
        Path questions = Files.write(dir.resolve("q.jsonl"), file.toByteArray());
        Path caps = Files.writeString(
                dir.resolve("caps.jsonl"),
                CAPABILITIES
                        + "{\"model_id\": \"short\", \"aptitude_test_id\": \"tiny-apt\", \"scores\": [0.5, 0.5]}\n");

        CliRun run = route(questions, caps);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out().lines().skip(1).map(line -> line.split(",")[0])).containsExactly("good1", "good2");
        assertThat(run.err())
                .contains("line 2: malformed JSON")
                .contains("line 3, question latin1: invalid UTF-8")
                .contains("line 4, question empty: EMPTY_TEXT")
                .contains("caps.jsonl line 4")
                .contains("short")
                .doesNotContain("\tat ");
    }

    @Test
    void rejectsAnUnknownModelInModels() throws IOException {
        Path questions =
                Files.writeString(dir.resolve("q.jsonl"), "{\"question_id\": \"q1\", \"question\": \"Hi?\"}\n");

        CliRun run =
                route(questions, Files.writeString(dir.resolve("caps.jsonl"), CAPABILITIES), "--models", "small,gpt-9");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("gpt-9");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void encoderStaticIsHonouredAndABundleForAnotherEncoderIsRefused() throws IOException {
        Path questions =
                Files.writeString(dir.resolve("q.jsonl"), "{\"question_id\": \"q1\", \"question\": \"Hi?\"}\n");
        // a table as wide as MiniLM's vocabulary, so the static encoder starts; the tiny bundle's head reads MiniLM
        Path table = dir.resolve("table.bin");
        new StaticTable("test", 30522, 4, new float[30522 * 4]).write(table);

        CliRun run = route(
                questions,
                Files.writeString(dir.resolve("caps.jsonl"), CAPABILITIES),
                "--encoder",
                "static",
                "--static-table",
                table.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .contains("was trained for encoder all-minilm-l6-v2")
                .contains("static-");
        assertThat(run.out()).doesNotContain("q1");
    }

    private CliRun route(Path questions, Path capabilities, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of(
                "route",
                "--questions",
                questions.toString(),
                "--capabilities",
                capabilities.toString(),
                "--bundle",
                bundle.toString()));
        args.addAll(Arrays.asList(extra));
        return CliRun.of(args.toArray(String[]::new));
    }
}
