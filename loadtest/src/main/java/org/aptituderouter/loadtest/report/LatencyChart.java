package org.aptituderouter.loadtest.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.aptituderouter.loadtest.bench.StepResult;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * {@code latency.png}: latency percentiles against achieved throughput, one point per load step, with the
 * router-core ceiling as a vertical line. Latency on a log axis: p50 and max differ by orders of magnitude once
 * the pipeline saturates.
 */
public final class LatencyChart {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 560;

    private LatencyChart() {}

    public static void write(BenchReport report, Path file) throws IOException {
        BitmapEncoder.saveBitmap(chart(report), file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    static XYChart chart(BenchReport report) {
        List<StepResult> steps =
                report.steps().stream().filter(s -> s.received() > 0).toList();
        XYChart chart = new XYChartBuilder()
                .width(WIDTH)
                .height(HEIGHT)
                .title("End-to-end latency vs throughput ("
                        + report.environment().cpuModel() + ")")
                .xAxisTitle("achieved throughput (instructions/s)")
                .yAxisTitle("latency from intended send (ms)")
                .build();
        chart.getStyler().setYAxisLogarithmic(true);
        // latencies often span less than two decades: label more than the powers of ten
        chart.getStyler().setYAxisLogarithmicDecadeOnly(false);
        chart.getStyler().setYAxisDecimalPattern("#,##0.#");
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        if (steps.isEmpty()) {
            return chart;
        }
        double[] throughput = values(steps, StepResult::achievedPerS);
        // highest first: where short steps make p99, p99.9 and max equal, the lower percentiles stay visible on top,
        // and the legend reads in the order the lines lie
        series(chart, "max", throughput, values(steps, StepResult::maxMs));
        series(chart, "p99.9", throughput, values(steps, StepResult::p999Ms));
        series(chart, "p99", throughput, values(steps, StepResult::p99Ms));
        series(chart, "p50", throughput, values(steps, StepResult::p50Ms));
        double low = steps.stream()
                .mapToDouble(StepResult::p50Ms)
                .filter(v -> v > 0)
                .min()
                .orElse(1);
        double high = steps.stream().mapToDouble(StepResult::maxMs).max().orElse(1000);
        XYSeries ceiling = chart.addSeries(
                "router-core ceiling",
                new double[] {report.ceilingPerS(), report.ceilingPerS()},
                new double[] {low, high});
        ceiling.setMarker(SeriesMarkers.NONE);
        return chart;
    }

    private static void series(XYChart chart, String name, double[] x, double[] y) {
        double[] positive = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            // a log axis cannot show 0; sub-millisecond floors are shown at 0.01 ms
            positive[i] = Math.max(y[i], 0.01);
        }
        chart.addSeries(name, x, positive).setMarker(SeriesMarkers.CIRCLE);
    }

    private static double[] values(List<StepResult> steps, ToDoubleFunction<StepResult> value) {
        return steps.stream().mapToDouble(value).toArray();
    }
}
