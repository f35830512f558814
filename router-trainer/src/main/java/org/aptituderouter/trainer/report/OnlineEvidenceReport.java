package org.aptituderouter.trainer.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.aptituderouter.trainer.eval.Evaluation;
import org.aptituderouter.trainer.eval.EvaluationReport;
import org.aptituderouter.trainer.eval.ZooResult;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * {@code online.md} and {@code online.png}: the router's accuracy on held-out questions as graded outcomes accumulate
 * (the models start as newcomers, known by their aptitude answers), against the best single model and the label-rich
 * reference (a per-model classifier trained on every label), zoo by zoo.
 */
public final class OnlineEvidenceReport {

    public static final String FILE = "online.md";
    public static final String CHART = "online.png";
    /** Below a tenth of a point, the label-rich gain is noise and a share of it means nothing. */
    private static final double MEANINGFUL_GAIN = 0.001;

    private OnlineEvidenceReport() {}

    /** One point of the curve: the method behind it and how it is labelled. */
    private record Stage(String label, String method) {}

    public static Path write(EvaluationReport report, List<Integer> outcomes, Path directory) {
        List<Stage> stages = stages(outcomes);
        Path file = directory.resolve(FILE);
        try {
            Files.createDirectories(directory);
            Files.writeString(file, markdown(report, stages), StandardCharsets.UTF_8);
            BitmapEncoder.saveBitmap(
                    chart(report, stages), directory.resolve(CHART).toString(), BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }

    private static List<Stage> stages(List<Integer> outcomes) {
        List<Stage> stages = new ArrayList<>();
        stages.add(new Stage("0 (aptitude only)", ReportWriter.ROUTER));
        outcomes.forEach(n -> stages.add(
                new Stage(String.format(Locale.ROOT, "%,d", n), Evaluation.afterOutcomes(n) + " (quality)")));
        stages.add(new Stage(
                "all training questions, task counts only (the known-models router)", ReportWriter.ROUTER_KNOWN));
        return stages;
    }

    static String markdown(EvaluationReport report, List<Stage> stages) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(report.dataset()).append(": routing as graded outcomes accumulate\n\n");
        md.append(
                "Leave-models-out, as in `report.md`: every model is scored by a head that never saw it, on questions no "
                        + "head trained on. Each model starts from its aptitude answers; then its first n graded answers (in a seeded "
                        + "random arrival order of the fold's training questions) are added to its evidence by the same code as the "
                        + "live router's (per-task counts, shrunk toward the model's level; and the model's outcome correction, a "
                        + "Bayesian online logistic regression over the embedding on top of the scorer's logit, fed each outcome "
                        + "with the scorer's probability for the model as it joined), and the zoo is routed again. Every model "
                        + "receives n outcomes, as if the router had sent it n instructions; which model a real router would have sent "
                        + "each question to is not simulated. Share of gain: (router - best single) / (label-rich - best single), "
                        + "where label-rich is a per-model logistic regression trained on every label of the fold (n/a where it gains under "
                        + "a tenth of a point).\n\n");
        md.append("| zoo | outcomes per model | router % | minus best single | share of label-rich gain |\n");
        md.append("|---|---:|---:|---:|---:|\n");
        for (ZooResult zoo : report.zoos()) {
            double best = zoo.method(ReportWriter.BEST_SINGLE).accuracy();
            double labelRich = zoo.method(ReportWriter.LABEL_RICH).accuracy();
            for (Stage stage : stages) {
                double accuracy = zoo.method(stage.method()).accuracy();
                String share = labelRich - best >= MEANINGFUL_GAIN
                        ? String.format(Locale.ROOT, "%.0f%%", 100 * (accuracy - best) / (labelRich - best))
                        : "n/a (label-rich gains under 0.1 point)";
                md.append(String.format(
                        Locale.ROOT,
                        "| %s | %s | %.2f | %+.2f | %s |%n",
                        zoo.zoo().name(),
                        stage.label(),
                        100 * accuracy,
                        100 * (accuracy - best),
                        share));
            }
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | best single / label-rich | %.2f / %.2f | | |%n",
                    zoo.zoo().name(),
                    100 * best,
                    100 * labelRich));
        }
        md.append("\n![accuracy as outcomes accumulate](").append(CHART).append(")\n");
        return md.toString();
    }

    private static CategoryChart chart(EvaluationReport report, List<Stage> stages) {
        CategoryChart chart = new CategoryChartBuilder()
                .width(1000)
                .height(520)
                .title("Router accuracy as graded outcomes accumulate (models new to the router)")
                .xAxisTitle("graded outcomes per model")
                .yAxisTitle("accuracy minus best single model (points)")
                .build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        List<String> labels = stages.stream().map(Stage::label).toList();
        for (ZooResult zoo : report.zoos()) {
            double best = zoo.method(ReportWriter.BEST_SINGLE).accuracy();
            double labelRich = zoo.method(ReportWriter.LABEL_RICH).accuracy();
            chart.addSeries(
                    zoo.zoo().name() + " zoo",
                    labels,
                    stages.stream()
                            .map(stage -> 100 * (zoo.method(stage.method()).accuracy() - best))
                            .toList());
            chart.addSeries(
                    zoo.zoo().name() + " label-rich",
                    labels,
                    stages.stream().map(stage -> 100 * (labelRich - best)).toList());
        }
        return chart;
    }
}
