package org.aptituderouter.loadtest.collector;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Everything collected about one run (one load step): delivery to the models' topics and to the decisions topic,
 * end-to-end latency of the routed records from their intended send time, and how many went to each model.
 */
public final class RunStats {

    private final DeliveryLedger routed = new DeliveryLedger();
    private final DeliveryLedger decisions = new DeliveryLedger();
    // microseconds, three significant digits; auto-resizing, so an overloaded step's minutes-long tail still fits
    private final Recorder latencyMicros = new Recorder(3);
    private final Map<String, LongAdder> perModel = new ConcurrentHashMap<>();
    private final AtomicLong firstArrivalNanos = new AtomicLong(Long.MAX_VALUE);
    private final AtomicLong lastArrivalNanos = new AtomicLong(Long.MIN_VALUE);

    /** Called when the broker acknowledges a send: both outputs now owe one record. */
    public void markSent(long sequence) {
        routed.markSent(sequence);
        decisions.markSent(sequence);
    }

    /** @param latencyMicros from the intended send time; negative when the record did not say when that was */
    void routedArrival(long sequence, String modelId, long latencyMicros, long arrivalNanos) {
        if (routed.markArrived(sequence)) {
            // a duplicate's latency would count one instruction twice; its existence is reported instead
            if (latencyMicros >= 0) {
                this.latencyMicros.recordValue(latencyMicros);
            }
            perModel.computeIfAbsent(modelId, m -> new LongAdder()).increment();
        }
        firstArrivalNanos.accumulateAndGet(arrivalNanos, Math::min);
        lastArrivalNanos.accumulateAndGet(arrivalNanos, Math::max);
    }

    void decisionArrival(long sequence) {
        decisions.markArrived(sequence);
    }

    /** Every acknowledged send has reached its model's topic and the decisions topic. */
    public boolean complete() {
        return routed.complete() && decisions.complete();
    }

    public DeliveryCounts routed() {
        return routed.counts();
    }

    public DeliveryCounts decisions() {
        return decisions.counts();
    }

    /** Latency of every first arrival since the previous call (the whole run, when called once at its end). */
    public Histogram takeLatency() {
        return latencyMicros.getIntervalHistogram();
    }

    /**
     * Routed records delivered per second, between the first and the last arrival: the offered rate while the
     * pipeline keeps up, its capacity when a backlog builds (the backlog drains at that rate). 0 with fewer than
     * two arrivals.
     */
    public double deliveryRate() {
        long first = firstArrivalNanos.get();
        long last = lastArrivalNanos.get();
        DeliveryCounts counts = routed.counts();
        long distinct = counts.received() + counts.unexpected();
        return distinct < 2 || last <= first ? 0 : (distinct - 1) / ((last - first) / 1e9);
    }

    public Map<String, Long> perModel() {
        Map<String, Long> counts = new TreeMap<>();
        perModel.forEach((model, count) -> counts.put(model, count.sum()));
        return counts;
    }
}
