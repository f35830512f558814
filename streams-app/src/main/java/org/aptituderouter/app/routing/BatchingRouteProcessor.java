package org.aptituderouter.app.routing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.aptituderouter.app.capability.LiveCapabilities;
import org.aptituderouter.app.metrics.RouterMetrics;
import org.aptituderouter.core.BatchRouter;
import org.aptituderouter.core.RejectReason;
import org.aptituderouter.core.RoutingOutcome;
import org.aptituderouter.core.RoutingRequest;
import org.aptituderouter.core.capability.CapabilitySet;
import org.aptituderouter.schemas.avro.DeadLetterReason;
import org.aptituderouter.schemas.avro.InstructionEvent;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects instructions into batches and routes each batch with one router call.
 *
 * <p>Every accepted record is written to a changelogged key-value store (key: an arrival sequence number) before
 * anything else happens, and leaves it only in the flush that forwards its outputs. With exactly-once the store
 * writes, the outputs and the input offsets commit in one transaction, so a crash or a rebalance loses no
 * instruction and routes none twice: whoever owns the task next finds the unflushed records in the store.
 *
 * <p>A batch is flushed when it reaches {@code router.batch.max-size} (checked in {@link #process}) or when its
 * oldest record has waited {@code router.batch.max-wait} (checked by a wall-clock punctuator, so a quiet input
 * still drains). Each trigger routes one batch at most, so the work between two commits stays within the budget of
 * one batch even when a backlog has built up; a backlog drains one batch per arriving record and per tick.
 * Unreadable input is dead-lettered at once and never enters the store.
 */
public final class BatchingRouteProcessor implements Processor<byte[], byte[], byte[], RouterOutput> {

    /** Headers added to a routed record, so a worker sees the decision without reading the decisions topic. */
    public static final String MODEL_HEADER = "router-model-id";
    public static final String PROBABILITY_HEADER = "router-probability";

    private static final Logger LOG = LoggerFactory.getLogger(BatchingRouteProcessor.class);
    /** How often, at most, the router complains about an empty zoo while it holds records back. */
    private static final long EMPTY_ZOO_WARNING_INTERVAL_MS = 30_000;
    /**
     * A batch whose every record failed inference is kept in the store and tried again after 1, 2 and 4 s (a
     * transient failure: a GPU reset, memory pressure) before its records are dead-lettered.
     */
    static final int INFERENCE_RETRIES = 3;
    static final long FIRST_RETRY_MS = 1_000;

    private final String storeName;
    private final int maxSize;
    private final Duration maxWait;
    private final InstructionDecoder decoder;
    private final RoutingRequests requests;
    private final BatchRouter router;
    private final LiveCapabilities capabilities;
    private final RouterMetrics metrics;
    /** Wall-clock time read when it matters: Kafka Streams' cached system time predates the router call. */
    private final InstantSource clock;

    private ProcessorContext<byte[], RouterOutput> context;
    private KeyValueStore<Long, PendingInstruction> store;
    private RouterMetrics.BatchMeters meters;
    // bookkeeping derived from the store at init(): the store, not these fields, is what holds the records
    private long firstSequence;
    private long nextSequence;
    private int pending;
    private long oldestEnqueuedMs;
    private long lastEmptyZooWarningMs = -EMPTY_ZOO_WARNING_INTERVAL_MS;
    // inference retries of the oldest batch (in memory: a restart simply tries it afresh)
    private int failedAttempts;
    private long retryAtMs = Long.MIN_VALUE;

    public BatchingRouteProcessor(String storeName, int maxSize, Duration maxWait, InstructionDecoder decoder,
                                  RoutingRequests requests, BatchRouter router, LiveCapabilities capabilities,
                                  RouterMetrics metrics, InstantSource clock) {
        this.storeName = storeName;
        this.maxSize = maxSize;
        this.maxWait = maxWait;
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
        this.store = context.getStateStore(storeName);
        this.meters = metrics.batchMeters(context.taskId().toString());
        recountStore();
        if (pending > 0) {
            LOG.info("Task {} resumes with {} buffered instructions from its store", context.taskId(), pending);
        }
        context.schedule(tick(maxWait), PunctuationType.WALL_CLOCK_TIME, this::flushIfDue);
    }

    /** Sequence, count and oldest arrival from what the store holds (after a restore, whatever was committed). */
    private void recountStore() {
        pending = 0;
        oldestEnqueuedMs = -1;
        firstSequence = 0;
        nextSequence = 0;
        try (KeyValueIterator<Long, PendingInstruction> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<Long, PendingInstruction> entry = all.next();
                if (pending == 0) {
                    oldestEnqueuedMs = entry.value.enqueuedAtMs();
                    firstSequence = entry.key;
                }
                pending++;
                nextSequence = entry.key + 1;
            }
        }
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        long now = context.currentSystemTimeMs();
        PendingInstruction input = pendingOf(record, now);
        try {
            decoder.decode(input.sourceTopic(), input.value());
        } catch (InstructionDecoder.UnreadableInstructionException e) {
            deadLetter(input, DeadLetterReason.DESERIALIZATION_FAILED, e.getMessage(), now);
            return;
        }
        store.put(nextSequence++, input);
        if (pending == 0) {
            oldestEnqueuedMs = now;
        }
        pending++;
        if (pending >= maxSize) {
            flushOneBatch(now);
        }
    }

    private PendingInstruction pendingOf(Record<byte[], byte[]> record, long now) {
        RecordMetadata origin = context.recordMetadata().orElse(null);
        return new PendingInstruction(record.key(), record.value(), record.headers(), record.timestamp(),
                origin == null ? "" : origin.topic(),
                origin == null ? -1 : origin.partition(),
                origin == null ? -1 : origin.offset(),
                now);
    }

    private void flushIfDue(long now) {
        if (pending > 0 && now - oldestEnqueuedMs >= maxWait.toMillis()) {
            flushOneBatch(now);
        }
    }

    /** Routes the oldest max-size records, if the zoo has a model to choose. */
    private void flushOneBatch(long now) {
        if (now < retryAtMs) {
            return; // the oldest batch failed inference: it waits for its retry
        }
        CapabilitySet zoo = capabilities.current();
        if (zoo.routable().isEmpty()) {
            // nothing could be chosen: the records wait in the store for the first model instead of being
            // dead-lettered as unroutable
            warnEmptyZoo(now);
            return;
        }
        routeBatch(takeBatch(), zoo, now);
    }

    private List<KeyValue<Long, PendingInstruction>> takeBatch() {
        List<KeyValue<Long, PendingInstruction>> batch = new ArrayList<>(Math.min(pending, maxSize));
        try (KeyValueIterator<Long, PendingInstruction> all = pendingRecords()) {
            while (all.hasNext() && batch.size() < maxSize) {
                batch.add(all.next());
            }
        }
        return batch;
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
                unusable.add(() -> deadLetter(input, DeadLetterReason.DESERIALIZATION_FAILED, e.getMessage(), now));
                continue;
            } catch (IllegalArgumentException e) {
                unusable.add(() -> deadLetter(input, DeadLetterReason.INVALID_POLICY,
                        "invalid policy override: " + e.getMessage(), now));
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
            meters.inference().record(Duration.ofNanos(System.nanoTime() - started));
            meters.batchSize().record(routable.size());
            // after inference, from the clock: the context's cached time was read before the batch was scored, and
            // decided_at and the end-to-end latency would under-report by the batch time
            decidedAt = clock.millis();
            if (allFailedInference(outcomes) && failedAttempts < INFERENCE_RETRIES) {
                long delay = FIRST_RETRY_MS << failedAttempts;
                failedAttempts++;
                retryAtMs = now + delay;
                LOG.warn("Task {}: inference failed for a whole batch of {} ({}); keeping it, retry {} of {} in {} ms",
                        context.taskId(), routable.size(), ((RoutingOutcome.Rejected) outcomes.get(0)).message(),
                        failedAttempts, INFERENCE_RETRIES, delay);
                return; // nothing forwarded, nothing deleted: the batch stays in the store as it was
            }
        }
        failedAttempts = 0;
        retryAtMs = Long.MIN_VALUE;
        unusable.forEach(Runnable::run);
        for (int i = 0; i < outcomes.size(); i++) {
            emit(inputs.get(i), events.get(i), outcomes.get(i), decidedAt);
        }
        for (KeyValue<Long, PendingInstruction> entry : batch) {
            store.delete(entry.key);
        }
        pending -= batch.size();
        firstSequence = batch.get(batch.size() - 1).key + 1;
        oldestEnqueuedMs = pending == 0 ? -1 : oldestInStore();
    }

    private static boolean allFailedInference(List<RoutingOutcome> outcomes) {
        return !outcomes.isEmpty() && outcomes.stream().allMatch(outcome -> outcome instanceof RoutingOutcome.Rejected r
                && r.reason() == RejectReason.INFERENCE_ERROR);
    }

    private long oldestInStore() {
        try (KeyValueIterator<Long, PendingInstruction> all = pendingRecords()) {
            return all.hasNext() ? all.next().value.enqueuedAtMs() : -1;
        }
    }

    /**
     * The store from the oldest pending record on. Seeking past the flushed keys, instead of scanning from the
     * start, keeps RocksDB from stepping over the delete markers a queue leaves behind until they are compacted.
     */
    private KeyValueIterator<Long, PendingInstruction> pendingRecords() {
        return store.range(firstSequence, Long.MAX_VALUE);
    }

    private void emit(PendingInstruction input, InstructionEvent event, RoutingOutcome outcome, long now) {
        if (outcome instanceof RoutingOutcome.Rejected rejected) {
            deadLetter(input, OutcomeRecords.reason(rejected), rejected.message(), now);
            return;
        }
        RoutingOutcome.Routed routed = (RoutingOutcome.Routed) outcome;
        Headers headers = copy(input.headers());
        headers.add(MODEL_HEADER, routed.modelId().getBytes(StandardCharsets.UTF_8));
        headers.add(PROBABILITY_HEADER, Double.toString(routed.probability()).getBytes(StandardCharsets.UTF_8));
        context.forward(new Record<byte[], RouterOutput>(input.key(),
                new RouterOutput.ToModel(routed.modelId(), input.value()), input.timestamp(), headers));
        context.forward(new Record<byte[], RouterOutput>(input.key(),
                new RouterOutput.Decision(OutcomeRecords.decision(event, routed, router.version(), now)),
                input.timestamp(), copy(input.headers())));
        metrics.routed(routed.modelId());
        meters.recordEndToEnd(Duration.ofMillis(now - event.getSubmittedAt().toEpochMilli()));
    }

    private void deadLetter(PendingInstruction input, DeadLetterReason reason, String message, long now) {
        context.forward(new Record<byte[], RouterOutput>(input.key(),
                new RouterOutput.DeadLettered(OutcomeRecords.deadLetter(input, reason, message, now)),
                input.timestamp(), copy(input.headers())));
        metrics.deadLettered(reason.name());
    }

    private void warnEmptyZoo(long now) {
        if (now - lastEmptyZooWarningMs >= EMPTY_ZOO_WARNING_INTERVAL_MS) {
            lastEmptyZooWarningMs = now;
            LOG.warn("Task {} holds {} instructions: the capability set has no routable model yet "
                    + "(publish capability vectors to the capabilities topic)", context.taskId(), pending);
        }
    }

    private static Headers copy(Headers headers) {
        return new RecordHeaders(headers.toArray());
    }
}
