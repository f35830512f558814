package org.aptituderouter.loadtest.chaos;

import java.util.OptionalDouble;
import java.util.function.DoubleBinaryOperator;

/** Reads samples out of Prometheus's text exposition format. */
final class PrometheusText {

    private PrometheusText() {}

    /** The sum of every sample of this metric (any labels), or empty if the text has none. */
    static OptionalDouble sum(String exposition, String metric) {
        return fold(exposition, metric, 0, Double::sum);
    }

    /** The largest sample of this metric (any labels), or empty if the text has none. */
    static OptionalDouble max(String exposition, String metric) {
        return fold(exposition, metric, Double.NEGATIVE_INFINITY, Math::max);
    }

    private static OptionalDouble fold(String exposition, String metric, double start, DoubleBinaryOperator op) {
        double sum = start;
        boolean found = false;
        for (String line : exposition.split("\n")) {
            if (line.startsWith("#") || !line.startsWith(metric)) {
                continue;
            }
            String rest = line.substring(metric.length());
            if (!rest.startsWith("{") && !rest.startsWith(" ")) {
                continue; // another metric whose name starts with this one
            }
            int space = line.lastIndexOf(' ');
            try {
                sum = op.applyAsDouble(sum, Double.parseDouble(line.substring(space + 1)));
                found = true;
            } catch (NumberFormatException e) {
                // not a sample line
            }
        }
        return found ? OptionalDouble.of(sum) : OptionalDouble.empty();
    }
}
