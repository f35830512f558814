package org.aptituderouter.loadtest.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.aptituderouter.app.capability.CapabilityRecords;
import org.aptituderouter.app.capability.TopicEnds;
import org.aptituderouter.core.capability.Candidate;
import org.aptituderouter.loadtest.clock.BenchClock;
import org.aptituderouter.schemas.avro.ModelCapability;

/**
 * Times capacity-aware spillover under load. While a step runs, the model most instructions go to gets a capacity
 * ({@code max_lag}) and a worker group that is caught up at that moment and then consumes nothing, as if its workers
 * had stopped. A sampler reads the model's routed topic every few milliseconds (committed end offsets, as the
 * router's backlog monitor does) and notes when the backlog first passes the limit and when the topic last grew.
 * Two thirds of the way in, the workers catch up (their offsets are committed to the end), and the time to the
 * topic's next growth is taken. The model's plain record is published again when the step is over.
 */
public final class SpilloverProbe {

    private static final Duration SAMPLE = Duration.ofMillis(10);
    /**
     * The topic counts as stopped when nothing arrived for this long before the catch-up: two polls of the router's
     * backlog monitor at its default interval.
     */
    private static final Duration QUIET = Duration.ofSeconds(1);

    private static final long CALL_TIMEOUT_MS = 5_000;

    private final StepRunner steps;
    private final CapabilityPublisher publisher;
    private final Map<String, Object> clientConfig;
    private final BenchClock clock;

    public SpilloverProbe(
            StepRunner steps, CapabilityPublisher publisher, Map<String, Object> clientConfig, BenchClock clock) {
        this.steps = steps;
        this.publisher = publisher;
        this.clientConfig = Map.copyOf(clientConfig);
        this.clock = clock;
    }

    /**
     * Offers {@code ratePerSecond} for {@code duration}; the model's workers stop at the start and catch up two
     * thirds of the way in.
     *
     * @param routedTopic the model's routed topic
     * @param workerGroup a consumer group no one else uses
     */
    public SpilloverResult run(
            Candidate model,
            String routedTopic,
            String workerGroup,
            long maxLag,
            double ratePerSecond,
            Duration duration,
            Progress progress)
            throws InterruptedException {
        SpilloverResult result;
        try {
            result = measure(model, routedTopic, workerGroup, maxLag, ratePerSecond, duration, progress);
        } catch (RuntimeException | InterruptedException e) {
            try {
                publisher.publish(model);
            } catch (RuntimeException restoring) {
                e.addSuppressed(restoring);
            }
            throw e;
        }
        publisher.publish(model);
        return result;
    }

    private SpilloverResult measure(
            Candidate model,
            String routedTopic,
            String workerGroup,
            long maxLag,
            double ratePerSecond,
            Duration duration,
            Progress progress)
            throws InterruptedException {
        ExecutorService sampler = Executors.newSingleThreadExecutor(r -> new Thread(r, "loadtest-spillover"));
        AtomicBoolean loadOver = new AtomicBoolean();
        try (Admin admin = Admin.create(new HashMap<>(clientConfig))) {
            List<TopicPartition> partitions = partitions(admin, routedTopic);
            Map<TopicPartition, Long> start = ends(admin, partitions);
            commit(admin, workerGroup, start);
            ModelCapability limited = CapabilityRecords.toRecord(model);
            limited.setMaxLag(maxLag);
            limited.setWorkerGroup(workerGroup);
            publisher.publish(model.modelId(), limited);
            Future<Timings> timings =
                    sampler.submit(() -> watch(admin, partitions, workerGroup, sum(start), maxLag, duration, loadOver));
            StepResult step;
            try {
                step = steps.run("spillover", ratePerSecond, duration, progress);
            } finally {
                loadOver.set(true);
            }
            Timings t = timings.get();
            sampler.shutdownNow();
            // the workers were make-believe: leave no group behind on a shared cluster
            admin.deleteConsumerGroups(List.of(workerGroup)).all().get(CALL_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            return new SpilloverResult(
                    model.modelId(), maxLag, t.crossed(), t.stopMs(), t.resumeMs(), t.overshoot(), step);
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "cannot time the spillover of " + model.modelId() + ": "
                            + e.getCause().getMessage(),
                    e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(
                    "cannot time the spillover of " + model.modelId() + ": the broker did not answer within "
                            + CALL_TIMEOUT_MS + " ms",
                    e);
        } finally {
            sampler.shutdownNow();
        }
    }

    private record Timings(boolean crossed, Double stopMs, Double resumeMs, long overshoot) {}

    private Timings watch(
            Admin admin,
            List<TopicPartition> topic,
            String group,
            long startEnd,
            long maxLag,
            Duration duration,
            AtomicBoolean loadOver)
            throws Exception {
        long catchUpAt =
                clock.nanoTime() + duration.multipliedBy(2).dividedBy(3).toNanos();
        long crossed = -1;
        long lastGrowth = -1;
        long end = startEnd;
        while (clock.nanoTime() < catchUpAt && !loadOver.get()) {
            long now = sum(ends(admin, topic));
            long at = clock.nanoTime();
            if (now > end) {
                lastGrowth = at;
                end = now;
            }
            if (crossed < 0 && end - startEnd > maxLag) {
                crossed = at;
            }
            Thread.sleep(SAMPLE.toMillis());
        }
        long overshoot = Math.max(0, end - startEnd - maxLag);
        // stopped: nothing arrived for a while before the catch-up; a topic still growing then never stopped
        boolean stopped = crossed >= 0 && clock.nanoTime() - lastGrowth >= QUIET.toNanos();
        if (!stopped) {
            return new Timings(crossed >= 0, null, null, overshoot);
        }
        Double stopMs = Math.max(0, lastGrowth - crossed) / 1e6;
        Map<TopicPartition, Long> caughtUp = ends(admin, topic);
        commit(admin, group, caughtUp);
        long caughtUpAt = clock.nanoTime();
        long caughtUpEnd = sum(caughtUp);
        while (!loadOver.get()) {
            if (sum(ends(admin, topic)) > caughtUpEnd) {
                return new Timings(true, stopMs, (clock.nanoTime() - caughtUpAt) / 1e6, overshoot);
            }
            Thread.sleep(SAMPLE.toMillis());
        }
        return new Timings(true, stopMs, null, overshoot);
    }

    private static List<TopicPartition> partitions(Admin admin, String topic)
            throws ExecutionException, InterruptedException, TimeoutException {
        return TopicEnds.partitions(admin, topic, CALL_TIMEOUT_MS);
    }

    /** Committed end offsets (read_committed, transaction markers included) of these partitions. */
    private static Map<TopicPartition, Long> ends(Admin admin, List<TopicPartition> partitions)
            throws ExecutionException, InterruptedException, TimeoutException {
        return TopicEnds.committed(admin, partitions, CALL_TIMEOUT_MS);
    }

    /** The workers' group commits these offsets: it has read everything up to them. */
    private static void commit(Admin admin, String group, Map<TopicPartition, Long> offsets)
            throws ExecutionException, InterruptedException, TimeoutException {
        Map<TopicPartition, OffsetAndMetadata> commits = new HashMap<>();
        offsets.forEach((tp, offset) -> commits.put(tp, new OffsetAndMetadata(offset)));
        admin.alterConsumerGroupOffsets(group, commits).all().get(CALL_TIMEOUT_MS, TimeUnit.MILLISECONDS);
    }

    private static long sum(Map<TopicPartition, Long> offsets) {
        return offsets.values().stream().mapToLong(Long::longValue).sum();
    }
}
