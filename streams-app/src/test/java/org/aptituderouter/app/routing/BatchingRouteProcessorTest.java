package org.aptituderouter.app.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.aptituderouter.app.capability.LiveCapabilities;
import org.aptituderouter.app.config.TopicsProperties;
import org.aptituderouter.app.metrics.RouterMetrics;
import org.aptituderouter.app.support.TestRouter;
import org.aptituderouter.app.support.TopologyFixture;
import org.aptituderouter.app.support.Traffic;
import org.aptituderouter.app.topics.RouterTopics;
import org.aptituderouter.app.topics.SchemaRegistrySettings;
import org.aptituderouter.core.BatchRouter;
import org.aptituderouter.core.RejectReason;
import org.aptituderouter.core.RoutingOutcome;
import org.aptituderouter.core.RoutingRequest;
import org.aptituderouter.core.bundle.RouterBundle;
import org.aptituderouter.core.capability.CapabilitySet;
import org.aptituderouter.core.policy.PolicySpec;
import org.aptituderouter.core.policy.PolicyType;
import org.aptituderouter.schemas.avro.DeadLetter;
import org.aptituderouter.schemas.avro.DeadLetterReason;
import org.aptituderouter.schemas.avro.InstructionEvent;
import org.aptituderouter.schemas.avro.RoutingConstraints;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The batching processor on its own, in a MockProcessorContext: the punctuator it schedules is captured and driven
 * by hand, so the deadline logic is tested without any clock.
 */
class BatchingRouteProcessorTest {

    private static final String STORE = "batch";
    private static final Duration MAX_WAIT = Duration.ofMillis(500);
    private static final TransactionBudget BUDGET = new TransactionBudget(Duration.ofSeconds(2));
    private static final long T0 = 1_000_000L;

    private RouterTopics topics;
    private MockProcessorContext<byte[], RouterOutput> context;
    private KeyValueStore<Long, PendingInstruction> store;
    private BatchingRouteProcessor processor;

    /** The wall clock as the processor reads it after a router call; the context's cached time stays at T0. */
    private final AtomicLong clockMs = new AtomicLong(T0);

    private final InstantSource clock = () -> Instant.ofEpochMilli(clockMs.get());

    @BeforeEach
    void setUp() {
        topics = new RouterTopics(
                new TopicsProperties(),
                new SchemaRegistrySettings(Map.of("schema.registry.url", TopologyFixture.registryUrl())));
        LiveCapabilities live = liveZoo();
        processor = new BatchingRouteProcessor(
                STORE,
                5,
                MAX_WAIT,
                BUDGET,
                new InstructionDecoder(topics.instructions().valueSerde().deserializer()),
                new RoutingRequests(new PolicySpec(PolicyType.QUALITY, 0.001, 0.7)),
                TestRouter.get(),
                live,
                new RouterMetrics(new SimpleMeterRegistry(), live),
                clock);

        context = new MockProcessorContext<>();
        store = Stores.keyValueStoreBuilder(
                        Stores.inMemoryKeyValueStore(STORE), Serdes.Long(), new PendingInstructionSerde())
                .withLoggingDisabled()
                .build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
        context.setCurrentSystemTimeMs(T0);
        processor.init(context);
    }

    @Test
    void schedulesAWallClockPunctuatorAtAFifthOfMaxWait() {
        assertThat(context.scheduledPunctuators()).singleElement().satisfies(p -> {
            assertThat(p.getType()).isEqualTo(PunctuationType.WALL_CLOCK_TIME);
            assertThat(p.getInterval()).isEqualTo(Duration.ofMillis(100));
        });
    }

    @Test
    void thePunctuatorFlushesOnlyOnceTheOldestRecordHasWaitedMaxWait() {
        context.setRecordMetadata(topics.instructions().name(), 0, 41);
        processor.process(record("first", "What is the boiling point of water at sea level?\nA. 90 C\nB. 100 C"));
        context.setCurrentSystemTimeMs(T0 + 300);
        context.setRecordMetadata(topics.instructions().name(), 0, 42);
        processor.process(record("second", "Which continent is Egypt in?\nA. Asia\nB. Africa"));
        var punctuator = context.scheduledPunctuators().get(0).getPunctuator();

        punctuator.punctuate(T0 + MAX_WAIT.toMillis() - 1);
        assertThat(context.forwarded()).isEmpty();
        assertThat(count(store)).isEqualTo(2);

        context.setCurrentSystemTimeMs(T0 + MAX_WAIT.toMillis());
        punctuator.punctuate(T0 + MAX_WAIT.toMillis());

        List<RouterOutput> outputs = context.forwarded().stream()
                .map(f -> (RouterOutput) f.record().value())
                .toList();
        assertThat(outputs).filteredOn(RouterOutput.ToModel.class::isInstance).hasSize(2);
        assertThat(outputs)
                .filteredOn(RouterOutput.Decision.class::isInstance)
                .hasSize(2)
                .map(o ->
                        ((RouterOutput.Decision) o).decision().getInstruction().getId())
                .containsExactly("first", "second");
        assertThat(count(store)).isZero();

        context.resetForwards();
        punctuator.punctuate(T0 + 10 * MAX_WAIT.toMillis());
        assertThat(context.forwarded()).as("an empty store flushes nothing").isEmpty();
    }

    @Test
    void anOutOfRangePolicyOverrideIsDeadLetteredWithItsOwnReason() {
        InstructionEvent event = Traffic.instruction("bad-policy", "Which planet is the largest?");
        event.setConstraints(RoutingConstraints.newBuilder().setLambda(-1.0).build());
        byte[] bytes = topics.instructions()
                .valueSerde()
                .serializer()
                .serialize(topics.instructions().name(), event);
        for (int i = 0; i < 5; i++) {
            processor.process(new Record<>(
                    ("k" + i).getBytes(),
                    i == 0 ? bytes : serialized("ok" + i, "Name a mammal."),
                    context.currentSystemTimeMs()));
        }

        assertThat(context.forwarded())
                .extracting(f -> f.record().value())
                .filteredOn(RouterOutput.DeadLettered.class::isInstance)
                .singleElement()
                .satisfies(output -> {
                    DeadLetter letter = ((RouterOutput.DeadLettered) output).letter();
                    assertThat(letter.getReason()).isEqualTo(DeadLetterReason.INVALID_POLICY);
                    assertThat(letter.getMessage())
                            .contains("invalid policy override")
                            .contains("lambda");
                });
    }

    @Test
    void aBatchWhoseInferenceFailsIsKeptAndRetriedWithBackoff() {
        FlakyRouter flaky = new FlakyRouter(2);
        BatchingRouteProcessor retrying = withRouter(flaky);
        for (int i = 0; i < 5; i++) {
            retrying.process(record("r" + i, "Name a mammal that flies."));
        }
        var punctuator = context.scheduledPunctuators().get(1).getPunctuator();
        assertThat(context.forwarded()).as("first attempt failed: nothing out").isEmpty();
        assertThat(count(store)).isEqualTo(5);

        punctuator.punctuate(T0 + 900);
        assertThat(flaky.calls).as("no retry before 1 s").isEqualTo(1);
        punctuator.punctuate(T0 + 1_000);
        assertThat(flaky.calls).isEqualTo(2);
        punctuator.punctuate(T0 + 2_900);
        assertThat(flaky.calls).as("the second retry waits 2 s").isEqualTo(2);
        punctuator.punctuate(T0 + 3_000);

        assertThat(flaky.calls).isEqualTo(3);
        assertThat(context.forwarded())
                .extracting(f -> f.record().value())
                .filteredOn(RouterOutput.ToModel.class::isInstance)
                .hasSize(5);
        assertThat(context.forwarded())
                .extracting(f -> f.record().value())
                .filteredOn(RouterOutput.DeadLettered.class::isInstance)
                .isEmpty();
        assertThat(count(store)).isZero();
    }

    @Test
    void aBatchThatKeepsFailingInferenceIsDeadLetteredAfterItsRetries() {
        FlakyRouter broken = new FlakyRouter(Integer.MAX_VALUE);
        BatchingRouteProcessor retrying = withRouter(broken);
        for (int i = 0; i < 5; i++) {
            retrying.process(record("x" + i, "Name a mammal that flies."));
        }
        var punctuator = context.scheduledPunctuators().get(1).getPunctuator();
        for (long at : new long[] {1_000, 3_000, 7_000}) {
            punctuator.punctuate(T0 + at);
        }

        assertThat(broken.calls).isEqualTo(1 + BatchingRouteProcessor.INFERENCE_RETRIES);
        assertThat(context.forwarded())
                .extracting(f -> f.record().value())
                .filteredOn(RouterOutput.DeadLettered.class::isInstance)
                .hasSize(5)
                .allSatisfy(output -> assertThat(
                                ((RouterOutput.DeadLettered) output).letter().getReason())
                        .isEqualTo(DeadLetterReason.INFERENCE_ERROR));
        assertThat(count(store)).isZero();
    }

    /** A second processor on the same context and store, with another router. */
    private BatchingRouteProcessor withRouter(BatchRouter router) {
        LiveCapabilities live = liveZoo();
        BatchingRouteProcessor other = new BatchingRouteProcessor(
                STORE,
                5,
                MAX_WAIT,
                BUDGET,
                new InstructionDecoder(topics.instructions().valueSerde().deserializer()),
                new RoutingRequests(new PolicySpec(PolicyType.QUALITY, 0.001, 0.7)),
                router,
                live,
                new RouterMetrics(new SimpleMeterRegistry(), live),
                clock);
        other.init(context);
        return other;
    }

    /** Fails every request with INFERENCE_ERROR for its first {@code failures} calls, then routes for real. */
    private static final class FlakyRouter implements BatchRouter {
        private final BatchRouter real = TestRouter.get();
        private int failures;
        private int calls;

        FlakyRouter(int failures) {
            this.failures = failures;
        }

        @Override
        public List<RoutingOutcome> route(List<RoutingRequest> requests, CapabilitySet capabilities) {
            calls++;
            if (failures-- > 0) {
                return requests.stream()
                        .<RoutingOutcome>map(request -> new RoutingOutcome.Rejected(
                                request.id(), RejectReason.INFERENCE_ERROR, "CUDA error: device lost"))
                        .toList();
            }
            return real.route(requests, capabilities);
        }

        @Override
        public String version() {
            return real.version();
        }
    }

    @Test
    void everyRejectReasonHasItsDeadLetterReason() {
        for (RejectReason reason : RejectReason.values()) {
            assertThat(OutcomeRecords.reason(new RoutingOutcome.Rejected("id", reason, "why"))
                            .name())
                    .isEqualTo(reason.name());
        }
    }

    @Test
    void decidedAtIsReadAfterInferenceNotFromTheCachedStreamTime() {
        // the batch takes 3 s to score: the clock moves while the context keeps the time it cached before
        clockMs.set(T0 + 3_000);
        for (int i = 0; i < 5; i++) {
            processor.process(record("q" + i, "Which planet is the largest?\nA. Mars\nB. Jupiter"));
        }

        assertThat(context.forwarded())
                .extracting(f -> f.record().value())
                .filteredOn(RouterOutput.Decision.class::isInstance)
                .hasSize(5)
                .allSatisfy(output -> assertThat(
                                ((RouterOutput.Decision) output).decision().getDecidedAt())
                        .isEqualTo(Instant.ofEpochMilli(T0 + 3_000)));
    }

    @Test
    void aRestartedProcessorPicksUpWhatTheStoreHolds() {
        context.setRecordMetadata(topics.instructions().name(), 1, 7);
        processor.process(record("kept", "Who discovered penicillin?\nA. Fleming\nB. Pasteur"));

        BatchingRouteProcessor restarted = new BatchingRouteProcessor(
                STORE,
                5,
                MAX_WAIT,
                BUDGET,
                new InstructionDecoder(topics.instructions().valueSerde().deserializer()),
                new RoutingRequests(new PolicySpec(PolicyType.QUALITY, 0.001, 0.7)),
                TestRouter.get(),
                liveZoo(),
                new RouterMetrics(new SimpleMeterRegistry(), liveZoo()),
                clock);
        MockProcessorContext<byte[], RouterOutput> after = new MockProcessorContext<>();
        after.addStateStore(store);
        after.setCurrentSystemTimeMs(T0 + MAX_WAIT.toMillis());
        restarted.init(after);

        after.scheduledPunctuators().get(0).getPunctuator().punctuate(T0 + MAX_WAIT.toMillis());

        assertThat(after.forwarded())
                .extracting(f -> f.record().value())
                .filteredOn(RouterOutput.ToModel.class::isInstance)
                .hasSize(1);
        assertThat(count(store)).isZero();
    }

    @Test
    void aRestoredBacklogDrainsOneBatchPerPunctuation() {
        MockProcessorContext<byte[], RouterOutput> after = new MockProcessorContext<>();
        after.addStateStore(store);
        for (long seq = 0; seq < 12; seq++) {
            store.put(
                    seq,
                    new PendingInstruction(
                            null,
                            serialized("backlog-" + seq, "Name a mammal that flies."),
                            new RecordHeaders(),
                            T0,
                            "instructions",
                            0,
                            seq,
                            T0));
        }
        BatchingRouteProcessor restarted = new BatchingRouteProcessor(
                STORE,
                5,
                MAX_WAIT,
                BUDGET,
                new InstructionDecoder(topics.instructions().valueSerde().deserializer()),
                new RoutingRequests(new PolicySpec(PolicyType.QUALITY, 0.001, 0.7)),
                TestRouter.get(),
                liveZoo(),
                new RouterMetrics(new SimpleMeterRegistry(), liveZoo()),
                clock);
        after.setCurrentSystemTimeMs(T0 + MAX_WAIT.toMillis());
        restarted.init(after);
        var punctuator = after.scheduledPunctuators().get(0).getPunctuator();

        List<Integer> routedPerPunctuation = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            after.resetForwards();
            punctuator.punctuate(T0 + MAX_WAIT.toMillis() + i);
            routedPerPunctuation.add((int) after.forwarded().stream()
                    .filter(f -> f.record().value() instanceof RouterOutput.ToModel)
                    .count());
        }

        assertThat(routedPerPunctuation).containsExactly(5, 5, 2, 0);
        assertThat(count(store)).isZero();
    }

    private byte[] serialized(String id, String text) {
        return topics.instructions()
                .valueSerde()
                .serializer()
                .serialize(topics.instructions().name(), Traffic.instruction(id, text));
    }

    private Record<byte[], byte[]> record(String id, String text) {
        return new Record<>(id.getBytes(), serialized(id, text), context.currentSystemTimeMs());
    }

    private static LiveCapabilities liveZoo() {
        LiveCapabilities live = new LiveCapabilities(RouterBundle.bundled().aptitudeTest());
        live.upsertAll(RouterBundle.bundled().zoo());
        return live;
    }

    private static int count(KeyValueStore<Long, PendingInstruction> store) {
        int count = 0;
        try (var all = store.all()) {
            while (all.hasNext()) {
                all.next();
                count++;
            }
        }
        return count;
    }
}
