package org.aptituderouter.trainer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CapabilitiesCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    Path bundle;

    @BeforeEach
    void writeBundle() throws IOException {
        bundle = TinyAptitudeTest.writeBundle(dir.resolve("bundle"));
    }

    @Test
    void printsOneCapabilityLinePerModelWithCosts() throws IOException {
        Path outcomes = write("outcomes.csv", """
        question_id,strong,weak,other
        a1,1,0,1
        a2,1,0,0
        b1,1,1,1
        b2,1,0,1
        c1,1,0,0
        c2,1,0,0
        x9,0,1,
        """);
        Path costs = write("costs.csv", "model_id,params_b\nstrong,70\nweak,7.2\n");

        CliRun run = CliRun.of(
                "capabilities",
                "--outcomes",
                outcomes.toString(),
                "--costs",
                costs.toString(),
                "--bundle",
                bundle.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        String[] lines = run.out().strip().split("\n");
        assertThat(lines).hasSize(3);
        JsonNode strong = JSON.readTree(lines[0]);
        assertThat(strong.get("model_id").asText()).isEqualTo("strong");
        assertThat(strong.get("aptitude_test_id").asText()).isEqualTo("tiny-apt");
        assertThat(strong.get("scores")).extracting(JsonNode::asDouble).containsExactly(1.0, 1.0, 1.0);
        assertThat(strong.get("cost").asDouble()).isEqualTo(70.0);
        JsonNode weak = JSON.readTree(lines[1]);
        assertThat(weak.get("scores")).extracting(JsonNode::asDouble).containsExactly(0.0, 0.5, 0.0);
        assertThat(weak.get("cost").asDouble()).isEqualTo(7.2);
        JsonNode other = JSON.readTree(lines[2]);
        assertThat(other.get("scores")).extracting(JsonNode::asDouble).containsExactly(0.5, 1.0, 0.0);
        assertThat(other.get("cost").asDouble())
                .as("no cost given: the contract's default")
                .isEqualTo(1.0);
        assertThat(other.get("answered")).extracting(JsonNode::asInt).containsExactly(2, 2, 2);
        assertThat(other.get("correct")).extracting(JsonNode::asInt).containsExactly(1, 2, 0);
    }

    @Test
    void readsModelIdsWithCommasAndQuotesAsRfc4180QuotesThem() throws IOException {
        Path outcomes = write("outcomes.csv", """
        question_id,"acme/chat,v2","the ""big"" one"
        a1,1,0
        a2,1,0
        b1,1,1
        b2,1,1
        c1,0,0
        c2,0,1
        """);
        Path costs = write("costs.csv", "model_id,cost\n\"acme/chat,v2\",12.5\n\"the \"\"big\"\" one\",99\n");

        CliRun run = CliRun.of(
                "capabilities",
                "--outcomes",
                outcomes.toString(),
                "--costs",
                costs.toString(),
                "--bundle",
                bundle.toString(),
                "--models",
                "\"acme/chat,v2\"");

        assertThat(run.exitCode()).as(run.err()).isZero();
        String[] lines = run.out().strip().split("\n");
        assertThat(lines).hasSize(1);
        JsonNode model = JSON.readTree(lines[0]);
        assertThat(model.get("model_id").asText()).isEqualTo("acme/chat,v2");
        assertThat(model.get("cost").asDouble()).isEqualTo(12.5);
        assertThat(model.get("scores")).extracting(JsonNode::asDouble).containsExactly(1.0, 1.0, 0.0);
    }

    @Test
    void missingAnswersCountAsWrongOrAreLeftOutWhenAsked() throws IOException {
        Path outcomes = write("outcomes.csv", "question_id,gappy\na1,1\nb1,1\nb2,1\nc1,0\nc2,1\n");

        CliRun wrong = CliRun.of(
                "capabilities", "--outcomes", outcomes.toString(), "--bundle", bundle.toString(), "--missing", "wrong");
        CliRun skip = CliRun.of(
                "capabilities", "--outcomes", outcomes.toString(), "--bundle", bundle.toString(), "--missing", "skip");
        CliRun bad = CliRun.of(
                "capabilities", "--outcomes", outcomes.toString(), "--bundle", bundle.toString(), "--missing", "maybe");

        assertThat(wrong.exitCode()).as(wrong.err()).isZero();
        JsonNode asWrong = JSON.readTree(wrong.out().strip());
        assertThat(asWrong.get("answered")).extracting(JsonNode::asInt).containsExactly(2, 2, 2);
        assertThat(asWrong.get("scores")).extracting(JsonNode::asDouble).containsExactly(0.5, 1.0, 0.5);
        JsonNode skipped = JSON.readTree(skip.out().strip());
        assertThat(skipped.get("answered")).extracting(JsonNode::asInt).containsExactly(1, 2, 2);
        assertThat(skipped.get("scores")).extracting(JsonNode::asDouble).containsExactly(1.0, 1.0, 0.5);
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--missing must be error, wrong or skip");
    }

    @Test
    void namesTheMissingAptitudeAnswersAndStillPrintsTheOtherModels() throws IOException {
        Path outcomes = write("outcomes.csv", """
        question_id,complete,gappy
        a1,1,1
        a2,1,
        b1,1,1
        b2,1,1
        c1,1,1
        c2,1,
        """);

        CliRun run = CliRun.of("capabilities", "--outcomes", outcomes.toString(), "--bundle", bundle.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("gappy").contains("a2").contains("c2").doesNotContain("complete ");
        assertThat(run.out()).contains("\"model_id\":\"complete\"").doesNotContain("gappy");
    }

    @Test
    void outcomesOfAnotherDataSetPointAtTheBundle() throws IOException {
        Path outcomes = write("outcomes.csv", "question_id,m1\nx1,1\nx2,0\n");

        CliRun run = CliRun.of("capabilities", "--outcomes", outcomes.toString(), "--bundle", bundle.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("no result for 6 question(s)").contains("is --bundle the bundle for this data?");
    }

    @Test
    void selectsModelsAndRejectsUnknownOnes() throws IOException {
        Path outcomes = write("outcomes.csv", "question_id,m1,m2\na1,1,0\na2,1,0\nb1,1,0\nb2,1,0\nc1,1,0\nc2,1,0\n");

        CliRun selected = CliRun.of(
                "capabilities", "--outcomes", outcomes.toString(), "--models", "m2", "--bundle", bundle.toString());
        CliRun unknown = CliRun.of(
                "capabilities",
                "--outcomes",
                outcomes.toString(),
                "--models",
                "m2,nope",
                "--bundle",
                bundle.toString());

        assertThat(selected.exitCode()).isZero();
        assertThat(selected.out().strip().split("\n")).hasSize(1);
        assertThat(selected.out()).contains("\"model_id\":\"m2\"");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("nope");
    }

    @Test
    void reportsAnUnreadableOutcomesFileWithoutAStackTrace() throws IOException {
        Path outcomes = write("outcomes.csv", "question_id,m1\na1,maybe\n");

        CliRun run = CliRun.of("capabilities", "--outcomes", outcomes.toString(), "--bundle", bundle.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("line 2").contains("maybe").doesNotContain("\tat ");
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }
}
