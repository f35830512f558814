package org.aptituderouter.trainer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aptituderouter.trainer.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code evaluate --online} end to end on nim-mixed, with the static encoder (distilled into the test's own folder) to
 * keep it to about a minute: every zoo gets the curve from aptitude answers only to the whole fold's history, and the
 * curve's ends are the report's new-model and known-model routers.
 */
class EvaluateOnlineTest {

    private static final Pattern ROW =
            Pattern.compile("\\| (\\w+) \\| ([^|]+) \\| (\\d+\\.\\d{2}) \\| ([+-]\\d+\\.\\d{2}) \\| [^|]+ \\|");

    @TempDir
    Path dir;

    @Test
    void writesTheCurveFromAptitudeOnlyToTheWholeHistoryForEveryZoo() throws IOException {
        SharedData.nim(); // skips with a reason when the shared data is absent
        Path data = Path.of(System.getProperty("shared.data.dir", "../../shared/routing-data"))
                .resolve("nim-mixed");
        Path report = dir.resolve("report");

        CliRun run = CliRun.of(
                "evaluate",
                "--data",
                data.toString(),
                "--online",
                "--encoder",
                "static",
                "--static-table",
                dir.resolve("table.bin").toString(),
                "--cache",
                dir.resolve("cache").toString(),
                "--report",
                report.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(report.resolve("online.png")).isNotEmptyFile();
        String online = Files.readString(report.resolve("online.md"));
        for (String zoo : List.of("small", "large", "all")) {
            List<Matcher> rows = online.lines()
                    .map(ROW::matcher)
                    .filter(Matcher::matches)
                    .filter(m -> m.group(1).equals(zoo))
                    .toList();
            assertThat(rows)
                    .extracting(m -> m.group(2).trim())
                    .containsExactly(
                            "0 (aptitude only)",
                            "100",
                            "1,000",
                            "5,000",
                            "all training questions, task counts only (the known-models router)");
            // the ends are the report's routers: new models (aptitude only) and known models (all history)
            assertThat(run.err())
                    .contains(zoo + " zoo: router " + rows.get(0).group(3) + "% (new models), "
                            + rows.get(4).group(3) + "% (known)");
        }
    }
}
