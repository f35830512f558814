package org.aptituderouter.trainer.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.aptituderouter.trainer.eval.EvaluationReport;
import org.aptituderouter.trainer.eval.ZooResult;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** PNG plots of an evaluation: accuracy per zoo and method, and a quality/cost plane per zoo. */
public final class ReportCharts {

    private static final int WIDTH = 1200;
    private static final int HEIGHT = 560;

    private ReportCharts() {}

    public static String accuracyFile() {
        return "accuracy-by-zoo.png";
    }

    public static String reliabilityFile() {
        return "reliability.png";
    }

    public static String qualityCostFile(ZooResult zoo) {
        return "quality-cost-" + zoo.zoo().name() + ".png";
    }

    public static void write(EvaluationReport report, Path directory) {
        try {
            Files.createDirectories(directory);
            BitmapEncoder.saveBitmap(
                    accuracyChart(report),
                    directory.resolve(accuracyFile()).toString(),
                    BitmapEncoder.BitmapFormat.PNG);
            BitmapEncoder.saveBitmap(
                    reliabilityChart(report.zoos().get(report.zoos().size() - 1)),
                    directory.resolve(reliabilityFile()).toString(),
                    BitmapEncoder.BitmapFormat.PNG);
            for (ZooResult zoo : report.zoos()) {
                BitmapEncoder.saveBitmap(
                        qualityCostChart(zoo),
                        directory.resolve(qualityCostFile(zoo)).toString(),
                        BitmapEncoder.BitmapFormat.PNG);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write charts to " + directory, e);
        }
    }

    private static CategoryChart accuracyChart(EvaluationReport report) {
        CategoryChart chart = new CategoryChartBuilder()
                .width(WIDTH)
                .height(HEIGHT)
                .title("Routing accuracy on held-out questions (zoo models unseen by the router)")
                .xAxisTitle("zoo")
                .yAxisTitle("accuracy (%)")
                .build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        List<String> zoos = report.zoos().stream().map(zoo -> zoo.zoo().name()).toList();
        List<String> series = new ArrayList<>();
        series.add("random");
        report.zoos().get(0).methods().forEach(method -> series.add(method.method()));
        series.add("oracle");
        for (String name : series) {
            List<Double> values =
                    report.zoos().stream().map(zoo -> 100 * accuracy(zoo, name)).toList();
            chart.addSeries(name, zoos, values);
        }
        return chart;
    }

    private static double accuracy(ZooResult zoo, String series) {
        return switch (series) {
            case "random" -> zoo.randomAccuracy();
            case "oracle" -> zoo.oracleAccuracy();
            default -> zoo.method(series).accuracy();
        };
    }

    private static XYChart qualityCostChart(ZooResult zoo) {
        XYChart chart = new XYChartBuilder()
                .width(WIDTH)
                .height(HEIGHT)
                .title("Quality vs cost, " + zoo.zoo().name() + " zoo ("
                        + zoo.zoo().models().size() + " models)")
                .xAxisTitle("mean cost per question (billions of parameters)")
                .yAxisTitle("accuracy (%)")
                .build();
        // a log axis labels decades only: worth it when costs span one, unreadable when they do not (small zoo)
        double[] costs = zoo.singleModels().stream()
                .mapToDouble(ZooResult.MethodResult::meanCost)
                .toArray();
        double spread = java.util.Arrays.stream(costs).max().orElse(1)
                / java.util.Arrays.stream(costs).min().orElse(1);
        chart.getStyler().setXAxisLogarithmic(spread > 10);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        addCurve(chart, "router, cost policy (lambda sweep)", zoo.costCurve());
        addCurve(chart, "router, threshold policy (tau sweep)", zoo.thresholdCurve());
        XYSeries singles = chart.addSeries(
                "single models",
                zoo.singleModels().stream()
                        .map(ZooResult.MethodResult::meanCost)
                        .toList(),
                zoo.singleModels().stream()
                        .map(result -> 100 * result.accuracy())
                        .toList());
        singles.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        singles.setMarker(SeriesMarkers.CIRCLE);
        for (ZooResult.MethodResult method : zoo.methods()) {
            XYSeries point =
                    chart.addSeries(method.method(), List.of(method.meanCost()), List.of(100 * method.accuracy()));
            point.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        }
        return chart;
    }

    private static XYChart reliabilityChart(ZooResult zoo) {
        XYChart chart = new XYChartBuilder()
                .width(700)
                .height(600)
                .title("Reliability, " + zoo.zoo().name() + " zoo (new models, held-out questions)")
                .xAxisTitle("predicted probability")
                .yAxisTitle("observed share correct")
                .build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        XYSeries diagonal = chart.addSeries("perfect calibration", List.of(0.0, 1.0), List.of(0.0, 1.0));
        diagonal.setMarker(SeriesMarkers.NONE);
        XYSeries bins = chart.addSeries(
                String.format(
                        java.util.Locale.ROOT,
                        "router (ECE %.3f)",
                        zoo.calibration().expectedError()),
                zoo.calibration().bins().stream()
                        .map(bin -> bin.meanPredicted())
                        .toList(),
                zoo.calibration().bins().stream().map(bin -> bin.observed()).toList());
        bins.setMarker(SeriesMarkers.CIRCLE);
        return chart;
    }

    private static void addCurve(XYChart chart, String name, List<ZooResult.CurvePoint> points) {
        XYSeries series = chart.addSeries(
                name,
                points.stream().map(ZooResult.CurvePoint::meanCost).toList(),
                points.stream().map(point -> 100 * point.accuracy()).toList());
        series.setMarker(SeriesMarkers.DIAMOND);
    }
}
