package org.aptituderouter.loadtest.bench;

import java.time.Duration;
import org.HdrHistogram.Histogram;
import org.aptituderouter.loadtest.clock.BenchClock;
import org.aptituderouter.loadtest.collector.EndToEndCollector;
import org.aptituderouter.loadtest.collector.RunRegistry;
import org.aptituderouter.loadtest.collector.RunStats;
import org.aptituderouter.loadtest.generator.GeneratorResult;
import org.aptituderouter.loadtest.generator.OpenLoopGenerator;
import org.aptituderouter.loadtest.generator.SendSchedule;

/**
 * Runs one load step: offers a rate for a duration, then waits until every acknowledged instruction has been
 * delivered (or the drain timeout passes, and the rest are reported missing), and summarises the step. A step
 * starts from an empty pipeline, so an overloaded step's backlog is not charged to the next one.
 */
public final class StepRunner {

    /** Lead time before the first intended send, so the schedule does not start in the past. */
    private static final Duration LEAD = Duration.ofMillis(20);

    private static final Duration DRAIN_POLL = Duration.ofMillis(50);

    private final BenchClock clock;
    private final OpenLoopGenerator generator;
    private final RunRegistry runs;
    private final EndToEndCollector collector;
    private final String sessionId;
    private final Duration drainTimeout;

    /**
     * @param sessionId    prefix of every run id, unique per benchmark, so runs on a shared cluster never mix
     * @param drainTimeout how long after the last send an instruction may still arrive before it counts as missing
     */
    public StepRunner(
            BenchClock clock,
            OpenLoopGenerator generator,
            RunRegistry runs,
            EndToEndCollector collector,
            String sessionId,
            Duration drainTimeout) {
        this.clock = clock;
        this.generator = generator;
        this.runs = runs;
        this.collector = collector;
        this.sessionId = sessionId;
        this.drainTimeout = drainTimeout;
    }

    public StepResult run(String label, double offeredPerSecond, Duration duration, Progress progress)
            throws InterruptedException {
        RunStats stats = runs.register(sessionId + "." + label);
        SendSchedule schedule = SendSchedule.forDuration(clock.nanoTime() + LEAD.toNanos(), offeredPerSecond, duration);
        GeneratorResult sent;
        try (Progress.Task task =
                progress.start(String.format("%-12s %7.1f/s", label, offeredPerSecond), schedule.count())) {
            sent = generator.run(sessionId + "." + label, schedule, stats::markSent, task::stepTo);
            if (sent.fellBehind()) {
                task.note("generator behind schedule");
            }
            task.note("draining");
            awaitDelivery(stats);
        }
        Histogram latency = stats.takeLatency();
        return StepResult.of(
                label, sent, stats.routed(), stats.decisions(), latency, stats.deliveryRate(), stats.perModel());
    }

    private void awaitDelivery(RunStats stats) throws InterruptedException {
        long deadline = clock.nanoTime() + drainTimeout.toNanos();
        while (!stats.complete() && clock.nanoTime() < deadline) {
            collector.checkHealthy();
            Thread.sleep(DRAIN_POLL.toMillis());
        }
    }
}
