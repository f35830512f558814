package org.aptituderouter.loadtest.generator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.aptituderouter.loadtest.clock.BenchClock;
import org.aptituderouter.schemas.avro.InstructionEvent;

/**
 * Sends instructions at the times a {@link SendSchedule} names, on one thread, whatever the sends cost: when a
 * send blocks, the next ones start late but keep their intended times (in {@code submitted_at} and the
 * {@link LoadHeaders} header), so the delay is charged to latency. Lateness is counted, so a report can say that
 * the generator, not the router, was the limit.
 */
public final class OpenLoopGenerator {

    /** A send this much later than intended (or one interval, at low rates) counts as late. */
    public static final Duration DEFAULT_LATENESS = Duration.ofMillis(10);

    /** Tenant attached to every benchmark instruction, so they can be told apart in a shared cluster. */
    static final String TENANT = "loadtest";

    private final BenchClock clock;
    private final InstructionSink sink;
    private final List<String> texts;
    private final long lateThresholdNanos;

    /**
     * @param texts         instruction texts, used in turn
     * @param lateThreshold a send starting later than this after its intended time counts as late; at rates
     *                      with longer intervals, only a send later than one interval counts, since a smaller lag
     *                      does not change the load offered
     */
    public OpenLoopGenerator(BenchClock clock, InstructionSink sink, List<String> texts, Duration lateThreshold) {
        if (texts.isEmpty()) {
            throw new IllegalArgumentException("the generator needs at least one instruction text");
        }
        this.clock = clock;
        this.sink = sink;
        this.texts = List.copyOf(texts);
        this.lateThresholdNanos = lateThreshold.toNanos();
    }

    /**
     * Runs the schedule to its end, then waits for every send to complete.
     *
     * @param acknowledged called with the sequence of each send the broker acknowledged (on a producer thread)
     * @param progress     called with the number of sends started so far, after each one
     */
    public GeneratorResult run(String runId, SendSchedule schedule, LongConsumer acknowledged, LongConsumer progress)
            throws InterruptedException {
        AtomicLong acks = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        long lateAfter = Math.max(lateThresholdNanos, schedule.intendedNanos(1) - schedule.intendedNanos(0));
        long late = 0;
        long maxLag = 0;
        long lastStart = schedule.startNanos();
        for (long i = 0; i < schedule.count(); i++) {
            long intended = schedule.intendedNanos(i);
            clock.parkUntil(intended);
            lastStart = clock.nanoTime();
            long lag = lastStart - intended;
            maxLag = Math.max(maxLag, lag);
            if (lag > lateAfter) {
                late++;
            }
            long intendedMicros = clock.epochMicros(intended);
            long sequence = i;
            sink.send(event(runId, sequence, intendedMicros), intendedMicros, error -> {
                if (error == null) {
                    acks.incrementAndGet();
                    acknowledged.accept(sequence);
                } else {
                    failures.incrementAndGet();
                }
            });
            progress.accept(i + 1);
        }
        sink.flush();
        double elapsedSeconds = Math.max(lastStart - schedule.startNanos(), 1) / 1e9;
        double sendRate = schedule.count() <= 1 ? schedule.ratePerSecond() : (schedule.count() - 1) / elapsedSeconds;
        return new GeneratorResult(
                schedule.ratePerSecond(), schedule.count(), acks.get(), failures.get(), late, maxLag / 1e6, sendRate);
    }

    private InstructionEvent event(String runId, long sequence, long intendedMicros) {
        return InstructionEvent.newBuilder()
                .setId(InstructionIds.of(runId, sequence))
                .setText(texts.get((int) (sequence % texts.size())))
                .setTenant(TENANT)
                .setSubmittedAt(Instant.ofEpochMilli(Math.floorDiv(intendedMicros, 1000)))
                .setAttributes(Map.of())
                .build();
    }
}
