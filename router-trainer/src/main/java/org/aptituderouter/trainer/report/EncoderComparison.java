package org.aptituderouter.trainer.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.aptituderouter.trainer.eval.EvaluationReport;
import org.aptituderouter.trainer.eval.ZooResult;

/**
 * {@code encoders.md}: two evaluations of one data set, MiniLM's and the static encoder's, zoo by zoo: the router's
 * points over the best single model (new models / known models) with each encoder, and the difference.
 */
public final class EncoderComparison {

    public static final String FILE = "encoders.md";

    private EncoderComparison() {}

    public static Path write(
            String dataset,
            String miniLmVersion,
            EvaluationReport miniLm,
            String staticVersion,
            EvaluationReport staticEncoder,
            Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(
                    file,
                    markdown(dataset, miniLmVersion, miniLm, staticVersion, staticEncoder),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }

    static String markdown(
            String dataset,
            String miniLmVersion,
            EvaluationReport miniLm,
            String staticVersion,
            EvaluationReport staticEncoder) {
        StringBuilder out = new StringBuilder();
        out.append("# ").append(dataset).append(": MiniLM and the static encoder\n\n");
        out.append(String.format(
                Locale.ROOT,
                "Leave-models-out evaluation of each (reports in `minilm/` and `static/`), "
                        + "seed and settings the same; MiniLM `%s`, static `%s`. Router accuracy minus the best single model's, in "
                        + "points, for models the router never saw in training (new) and for models it did (known). Each encoder "
                        + "builds its own aptitude test, so held-out questions and best single model can differ slightly.%n%n",
                miniLmVersion,
                staticVersion));
        out.append("| zoo | MiniLM new / known | static new / known | static - MiniLM (new) |\n");
        out.append("|---|---:|---:|---:|\n");
        for (ZooResult zoo : miniLm.zoos()) {
            ZooResult other = staticEncoder.zoos().stream()
                    .filter(z -> z.zoo().name().equals(zoo.zoo().name()))
                    .findFirst()
                    .orElse(null);
            if (other == null) {
                continue;
            }
            double miniLmNew = gain(zoo, ReportWriter.ROUTER);
            double staticNew = gain(other, ReportWriter.ROUTER);
            out.append(String.format(
                    Locale.ROOT,
                    "| %s | %+.2f / %+.2f | %+.2f / %+.2f | %+.2f |%n",
                    zoo.zoo().name(),
                    miniLmNew,
                    gain(zoo, ReportWriter.ROUTER_KNOWN),
                    staticNew,
                    gain(other, ReportWriter.ROUTER_KNOWN),
                    staticNew - miniLmNew));
        }
        return out.toString();
    }

    /** Points over the zoo's best single model. */
    static double gain(ZooResult zoo, String method) {
        return 100
                * (zoo.method(method).accuracy()
                        - zoo.method(ReportWriter.BEST_SINGLE).accuracy());
    }
}
