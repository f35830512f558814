package org.aptituderouter.app.routing;

import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.aptituderouter.app.capability.LiveCapabilities;
import org.aptituderouter.app.metrics.RouterMetrics;
import org.aptituderouter.core.BatchRouter;
import org.aptituderouter.core.RejectReason;
import org.aptituderouter.core.RoutingOutcome;
import org.aptituderouter.core.RoutingRequest;
import org.aptituderouter.core.capability.CapabilitySet;
import org.aptituderouter.schemas.avro.DeadLetterReason;
import org.aptituderouter.schemas.avro.InstructionEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects instructions into batches and routes each batch with one router call.
 *
 * <p>Every accepted record is written to a changelogged queue ({@link PendingQueue}) before anything else happens,
 * and leaves it only in the flush that forwards its outputs ({@link BatchOutputs}). With exactly-once the store
 * writes, the outputs and the input offsets commit in one transaction, so a crash or a rebalance loses no
 * instruction and routes none twice: whoever owns the task next finds the unflushed records in the store.
 *
 * <p>A batch is flushed when it reaches {@code router.batch.max-size} (checked in {@link #process}) or when its
 * oldest record has waited {@code router.batch.max-wait} (checked by a wall-clock punctuator, so a quiet input
 * still drains). Each trigger routes one batch at most, and a batch goes only while the stream thread's open
 * transaction has routing budget left ({@link TransactionBudget}, {@code router.batch.transaction-budget}), so the
 * work between two commits stays bounded however many partitions the thread owns; a backlog drains one batch per
 * arriving record and per tick, in as many transactions as the budget needs.
 * Unreadable input is dead-lettered at once and never enters the store. A batch whose every record fails inference
 * (a transient fault) stays queued and is tried again after 1, 2 and 4 s before its records are dead-lettered.
 */
public final class BatchingRouteProcessor implements Processor<byte[], byte[], byte[], RouterOutput> {

    /** Headers added to a routed record, so a worker sees the decision without reading the decisions topic. */
    public static final String MODEL_HEADER = "router-model-id";

    public static final String PROBABILITY_HEADER = "router-probability";
    static final int INFERENCE_RETRIES = 3;
    static final long FIRST_RETRY_MS = 1_000;

    private static final Logger LOG = LoggerFactory.getLogger(BatchingRouteProcessor.class);
    /** How often, at most, the router complains about an empty zoo while it holds records back. */
    private static final long EMPTY_ZOO_WARNING_INTERVAL_MS = 30_000;

    private final String storeName;
    private final int maxSize;
    private final Duration maxWait;
    private final TransactionBudget budget;
    private final InstructionDecoder decoder;
    private final RoutingRequests requests;
    private final BatchRouter router;
    private final LiveCapabilities capabilities;
    private final RouterMetrics metrics;
    /** Wall-clock time read when it matters: Kafka Streams' cached system time predates the router call. */
    private final InstantSource clock;

    private ProcessorContext<byte[], RouterOutput> context;
    private PendingQueue queue;
    private BatchOutputs outputs;
    private RouterMetrics.BatchMeters meters;
    private long lastEmptyZooWarningMs = -EMPTY_ZOO_WARNING_INTERVAL_MS;
    // inference retries of the oldest batch (in memory: a restart simply tries it afresh)
    private int failedAttempts;
    private long retryAtMs = Long.MIN_VALUE;

    public BatchingRouteProcessor(
            String storeName,
            int maxSize,
            Duration maxWait,
            TransactionBudget budget,
            InstructionDecoder decoder,
            RoutingRequests requests,
            BatchRouter router,
            LiveCapabilities capabilities,
            RouterMetrics metrics,
            InstantSource clock) {
        this.storeName = storeName;
        this.maxSize = maxSize;
        this.maxWait = maxWait;
        this.budget = budget;
        this.decoder = decoder;
        this.requests = requests;
        this.router = router;
        this.capabilities = capabilities;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Punctuator period: a fraction of max-wait, so a batch leaves at most a fifth of max-wait after its deadline. */
    static Duration tick(Duration maxWait) {
        Duration fifth = maxWait.dividedBy(5);
        return fifth.compareTo(Duration.ofMillis(1)) < 0 ? Duration.ofMillis(1) : fifth;
    }

    @Override
    public void init(ProcessorContext<byte[], RouterOutput> context) {
        this.context = context;
        KeyValueStore<Long, PendingInstruction> store = context.getStateStore(storeName);
        this.queue = new PendingQueue(store);
        this.meters = metrics.batchMeters(context.taskId().toString());
        this.outputs = new BatchOutputs(context, metrics, meters);
        if (queue.size() > 0) {
            LOG.info("Task {} resumes with {} buffered instructions from its store", context.taskId(), queue.size());
        }
        context.schedule(tick(maxWait), PunctuationType.WALL_CLOCK_TIME, this::flushIfDue);
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        long now = context.currentSystemTimeMs();
        PendingInstruction input = pendingOf(record, now);
        try {
            decoder.decode(input.sourceTopic(), input.value());
        } catch (InstructionDecoder.UnreadableInstructionException e) {
            outputs.deadLetter(input, DeadLetterReason.DESERIALIZATION_FAILED, e.getMessage(), now);
            return;
        }
        queue.append(input);
        if (queue.size() >= maxSize) {
            flushOneBatch(now);
        }
    }

    private PendingInstruction pendingOf(Record<byte[], byte[]> record, long now) {
        RecordMetadata origin = context.recordMetadata().orElse(null);
        return new PendingInstruction(
                record.key(),
                record.value(),
                record.headers(),
                record.timestamp(),
                origin == null ? "" : origin.topic(),
                origin == null ? -1 : origin.partition(),
                origin == null ? -1 : origin.offset(),
                now);
    }

    private void flushIfDue(long now) {
        if (queue.size() > 0 && now - queue.oldestEnqueuedMs() >= maxWait.toMillis()) {
            flushOneBatch(now);
        }
    }

    /** Routes the oldest max-size records, if the zoo has a model to choose and no retry is pending. */
    private void flushOneBatch(long now) {
        if (now < retryAtMs) {
            return; // the oldest batch failed inference: it waits for its retry
        }
        if (!budget.allowsAnotherBatch()) {
            context.commit(); // this thread's transaction is full: the batch goes in the next one
            return;
        }
        CapabilitySet zoo = capabilities.current();
        if (zoo.routable().isEmpty()) {
            // nothing could be chosen: the records wait in the store for the first model instead of being
            // dead-lettered as unroutable
            warnEmptyZoo(now);
            return;
        }
        routeBatch(queue.oldest(maxSize), zoo, now);
    }

    private void routeBatch(List<KeyValue<Long, PendingInstruction>> batch, CapabilitySet zoo, long now) {
        List<PendingInstruction> inputs = new ArrayList<>(batch.size());
        List<InstructionEvent> events = new ArrayList<>(batch.size());
        List<RoutingRequest> routable = new ArrayList<>(batch.size());
        List<Runnable> unusable = new ArrayList<>();
        for (KeyValue<Long, PendingInstruction> entry : batch) {
            PendingInstruction input = entry.value;
            InstructionEvent event;
            RoutingRequest request;
            try {
                // read on arrival already; read again because the store keeps the producer's exact bytes
                event = decoder.decode(input.sourceTopic(), input.value());
                request = requests.toRequest(event);
            } catch (InstructionDecoder.UnreadableInstructionException e) {
                unusable.add(
                        () -> outputs.deadLetter(input, DeadLetterReason.DESERIALIZATION_FAILED, e.getMessage(), now));
                continue;
            } catch (IllegalArgumentException e) {
                unusable.add(() -> outputs.deadLetter(
                        input, DeadLetterReason.INVALID_POLICY, "invalid policy override: " + e.getMessage(), now));
                continue;
            }
            inputs.add(input);
            events.add(event);
            routable.add(request);
        }
        List<RoutingOutcome> outcomes = List.of();
        long decidedAt = now;
        if (!routable.isEmpty()) {
            long started = System.nanoTime();
            outcomes = router.route(routable, zoo);
            long routingNanos = System.nanoTime() - started;
            meters.inference().record(Duration.ofNanos(routingNanos));
            if (budget.spend(routingNanos)) {
                context.commit();
            }
            meters.batchSize().record(routable.size());
            // after inference, from the clock: the context's cached time was read before the batch was scored, and
            // decided_at and the end-to-end latency would under-report by the batch time
            decidedAt = clock.millis();
            if (allFailedInference(outcomes) && failedAttempts < INFERENCE_RETRIES) {
                long delay = FIRST_RETRY_MS << failedAttempts;
                failedAttempts++;
                retryAtMs = now + delay;
                LOG.warn(
                        "Task {}: inference failed for a whole batch of {} ({}); keeping it, retry {} of {} in {} ms",
                        context.taskId(),
                        routable.size(),
                        ((RoutingOutcome.Rejected) outcomes.get(0)).message(),
                        failedAttempts,
                        INFERENCE_RETRIES,
                        delay);
                return; // nothing forwarded, nothing removed: the batch stays queued as it was
            }
        }
        failedAttempts = 0;
        retryAtMs = Long.MIN_VALUE;
        unusable.forEach(Runnable::run);
        Set<String> overCapacity = capabilities.overCapacity();
        for (int i = 0; i < outcomes.size(); i++) {
            RoutingOutcome outcome = outcomes.get(i) instanceof RoutingOutcome.Routed routed
                    ? routed.spillOver(overCapacity)
                    : outcomes.get(i);
            outputs.outcome(inputs.get(i), events.get(i), outcome, router.version(), decidedAt);
        }
        queue.remove(batch);
    }

    private static boolean allFailedInference(List<RoutingOutcome> outcomes) {
        return !outcomes.isEmpty()
                && outcomes.stream()
                        .allMatch(outcome -> outcome instanceof RoutingOutcome.Rejected r
                                && r.reason() == RejectReason.INFERENCE_ERROR);
    }

    private void warnEmptyZoo(long now) {
        if (now - lastEmptyZooWarningMs >= EMPTY_ZOO_WARNING_INTERVAL_MS) {
            lastEmptyZooWarningMs = now;
            LOG.warn(
                    "Task {} holds {} instructions: the capability set has no routable model yet "
                            + "(publish capability vectors to the capabilities topic)",
                    context.taskId(),
                    queue.size());
        }
    }
}
