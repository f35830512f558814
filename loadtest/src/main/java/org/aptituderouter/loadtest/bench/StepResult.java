package org.aptituderouter.loadtest.bench;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import org.aptituderouter.loadtest.collector.DeliveryCounts;
import org.aptituderouter.loadtest.generator.GeneratorResult;

/**
 * One load step as the report shows it: offered and achieved throughput, end-to-end latency percentiles from the
 * intended send time (milliseconds), and the exactly-once accounting of the model topics (sent, missing,
 * duplicates), with the decisions topic's and the generator's own figures beside them.
 *
 * @param achievedPerS  instructions delivered to model topics per second, first to last arrival
 * @param fellBehind    the generator started more than 1% of its sends late: less than the offered load
 *                      reached the router
 * @param perModel      instructions delivered to each model's topic
 */
public record StepResult(
        String label,
        double offeredPerS,
        double achievedPerS,
        double p50Ms,
        double p99Ms,
        double p999Ms,
        double maxMs,
        double meanMs,
        long sent,
        long received,
        long missing,
        long duplicates,
        long unexpected,
        long decisionsMissing,
        long decisionsDuplicates,
        long sendErrors,
        long lateSends,
        double maxSendLagMs,
        boolean fellBehind,
        Map<String, Long> perModel) {

    static StepResult of(
            String label,
            GeneratorResult generator,
            DeliveryCounts routed,
            DeliveryCounts decisions,
            Histogram latencyMicros,
            double achievedPerS,
            Map<String, Long> perModel) {
        boolean empty = latencyMicros.getTotalCount() == 0;
        return new StepResult(
                label,
                generator.offeredPerSecond(),
                achievedPerS,
                empty ? 0 : ms(latencyMicros.getValueAtPercentile(50)),
                empty ? 0 : ms(latencyMicros.getValueAtPercentile(99)),
                empty ? 0 : ms(latencyMicros.getValueAtPercentile(99.9)),
                empty ? 0 : ms(latencyMicros.getMaxValue()),
                empty ? 0 : latencyMicros.getMean() / 1000,
                routed.sent(),
                routed.received(),
                routed.missing(),
                routed.duplicates(),
                routed.unexpected(),
                decisions.missing(),
                decisions.duplicates(),
                generator.failed(),
                generator.lateSends(),
                generator.maxLagMs(),
                generator.fellBehind(),
                Collections.unmodifiableMap(new TreeMap<>(perModel)));
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }

    /** Every acknowledged instruction reached its model topic and the decisions topic exactly once. */
    public boolean exactlyOnce() {
        return missing == 0 && duplicates == 0 && unexpected == 0 && decisionsMissing == 0 && decisionsDuplicates == 0;
    }
}
