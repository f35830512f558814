package org.aptituderouter.loadtest.replay;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/** {@code replay.md}, {@code replay.json} and {@code replay.png} (per-model volume before and after). */
public final class ReplayWriter {

    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private ReplayWriter() {}

    public static void write(ReplayReport report, Path directory) throws IOException {
        Files.createDirectories(directory);
        JSON.writeValue(directory.resolve("replay.json").toFile(), report);
        Files.writeString(directory.resolve("replay.md"), markdown(report), StandardCharsets.UTF_8);
        List<String> models = models(report);
        if (!models.isEmpty()) {
            CategoryChart chart = new CategoryChartBuilder()
                    .width(1000)
                    .height(500)
                    .title("Instructions per model, as routed and as replayed")
                    .xAxisTitle("model")
                    .yAxisTitle("instructions")
                    .build();
            chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
            chart.getStyler().setXAxisLabelRotation(45);
            chart.addSeries(
                    "as routed",
                    models,
                    models.stream()
                            .map(m -> report.volumeBefore().getOrDefault(m, 0L))
                            .toList());
            chart.addSeries(
                    "replayed",
                    models,
                    models.stream()
                            .map(m -> report.volumeAfter().getOrDefault(m, 0L))
                            .toList());
            BitmapEncoder.saveBitmap(chart, directory.resolve("replay.png").toString(), BitmapEncoder.BitmapFormat.PNG);
        }
    }

    static String markdown(ReplayReport r) {
        StringBuilder md = new StringBuilder();
        md.append("# What-if replay\n\n");
        md.append(String.format(
                Locale.ROOT,
                "Window %s to %s; replayed with %s, policy %s, in %.1f s. %d instructions "
                        + "routed, %d of them with their original decision in the window.%n%n",
                r.from(),
                r.to(),
                r.router(),
                r.policy(),
                r.seconds(),
                r.instructions(),
                r.withDecision()));
        md.append(String.format(
                Locale.ROOT, "- **Moved**: %d (%.1f%%) would go to another model.%n", r.moved(), 100 * r.movedShare()));
        md.append(String.format(
                Locale.ROOT,
                "- **Expected accuracy** (the replayed router's probabilities): %.1f%% "
                        + "as routed, %.1f%% replayed.%n",
                100 * r.estimatedBefore(),
                100 * r.estimatedAfter()));
        md.append(String.format(
                Locale.ROOT,
                "- **Realised accuracy** where graded outcomes exist: %s as routed (%d "
                        + "graded), %s replayed (%d graded).%n",
                percent(r.realisedBefore()),
                r.gradedBefore(),
                percent(r.realisedAfterWhereKnown()),
                r.gradedAfter()));
        md.append(String.format(
                Locale.ROOT,
                "- **Mean cost**: %.2f as routed, %.2f replayed.%n%n",
                r.meanCostBefore(),
                r.meanCostAfter()));
        md.append("| model | as routed | replayed |\n|---|---:|---:|\n");
        models(r)
                .forEach(model -> md.append(String.format(
                        Locale.ROOT,
                        "| %s | %d | %d |%n",
                        model,
                        r.volumeBefore().getOrDefault(model, 0L),
                        r.volumeAfter().getOrDefault(model, 0L))));
        md.append("\n![volume per model](replay.png)\n");
        return md.toString();
    }

    /** Every model in either volume, sorted. */
    private static List<String> models(ReplayReport report) {
        TreeSet<String> models = new TreeSet<>(report.volumeBefore().keySet());
        models.addAll(report.volumeAfter().keySet());
        return new ArrayList<>(models);
    }

    private static String percent(double share) {
        return Double.isNaN(share) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }
}
