package org.aptituderouter.loadtest.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.aptituderouter.loadtest.bench.BatchEffect;
import org.aptituderouter.loadtest.bench.OnboardingResult;
import org.aptituderouter.loadtest.bench.SpilloverResult;
import org.aptituderouter.loadtest.bench.StepResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWritersTest {

    @TempDir
    Path dir;

    private static StepResult step(String label, double offered, double achieved) {
        return new StepResult(
                label,
                offered,
                achieved,
                12.5,
                40.0,
                55.0,
                61.0,
                15.0,
                100,
                100,
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                1.5,
                false,
                Map.of("model-a", 100L));
    }

    private static BenchReport report() {
        List<StepResult> steps = List.of(step("25pct", 10, 10), step("50pct", 20, 19.5));
        OnboardingResult onboarding = new OnboardingResult("newcomer", 350.0, 0.6, step("onboarding", 20, 20));
        return new BenchReport(
                "2026-01-01T00:00:00Z",
                true,
                new BenchEnvironment("Test CPU", 2, "JVM", "Linux", "embedded"),
                "minilm",
                new RouterSettings(32, 50, "fp32", "cpu", 0, 1, 3, 23, "encoder+head"),
                500,
                "questions.jsonl",
                40.0,
                900.0,
                List.of(new BenchReport.ZooScaling(23, 40.0), new BenchReport.ZooScaling(1000, 20.0)),
                350.0,
                onboarding,
                new SpilloverResult("model-a", 20, true, 640.0, 310.0, 3, step("spillover", 20, 20)),
                steps,
                List.of(new BatchEffect(32, 50, 40.0, steps.get(1))),
                Map.of("model-a", 300L));
    }

    @Test
    void jsonHasTheDocumentedKeys() throws Exception {
        Path file = dir.resolve("bench.json");
        JsonReportWriter.write(report(), file);

        JsonNode json = new ObjectMapper().readTree(file.toFile());
        assertThat(json.get("ceiling_per_s").asDouble()).isEqualTo(40.0);
        assertThat(json.get("encoder").asText()).isEqualTo("minilm");
        assertThat(json.get("passthrough_per_s").asDouble()).isEqualTo(900.0);
        assertThat(json.get("zoo_scaling").get(1).get("candidates").asInt()).isEqualTo(1000);
        assertThat(json.get("zoo_scaling").get(1).get("per_s").asDouble()).isEqualTo(20.0);
        assertThat(json.get("onboarding_ms").asDouble()).isEqualTo(350.0);
        JsonNode step = json.get("steps").get(1);
        for (String key : List.of(
                "offered_per_s",
                "achieved_per_s",
                "p50_ms",
                "p99_ms",
                "p999_ms",
                "max_ms",
                "sent",
                "missing",
                "duplicates")) {
            assertThat(step.has(key)).as(key).isTrue();
        }
        assertThat(step.get("achieved_per_s").asDouble()).isEqualTo(19.5);
        assertThat(json.get("batch_effect").get(0).get("max_size").asInt()).isEqualTo(32);
        assertThat(json.get("spillover").get("stop_ms").asDouble()).isEqualTo(640.0);
        assertThat(json.get("spillover").get("resume_ms").asDouble()).isEqualTo(310.0);
        assertThat(json.get("spillover").get("max_lag").asLong()).isEqualTo(20);
    }

    @Test
    void markdownHasTheStepTableAndTheScaleOutNote() {
        String md = MarkdownReportWriter.render(report(), "latency.png");

        assertThat(md).contains("| 50pct | 20.0 | 19.5 | 12.5 | 40.0 | 55.0 | 61.0 | 100 | 0 | 0 |");
        assertThat(md).contains("**350.0 ms**");
        assertThat(md).contains("stopped receiving **640 ms** after").contains("received again **310 ms** after");
        assertThat(md).contains("| 1000 | 20.0 | 2.00x |");
        assertThat(md).contains("## Scaling out").contains("One more instance").contains("One more partition");
        assertThat(md).contains("![latency vs throughput](latency.png)");
    }

    @Test
    void chartIsAPng() throws Exception {
        System.setProperty("java.awt.headless", "true");
        Path file = dir.resolve("latency.png");
        LatencyChart.write(report(), file);

        byte[] png = Files.readAllBytes(file);
        assertThat(png).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
    }
}
