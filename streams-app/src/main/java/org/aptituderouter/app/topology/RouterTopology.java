package org.aptituderouter.app.topology;

import static org.aptituderouter.app.topology.NodeNames.*;

import java.time.Duration;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.ValueMapper;
import org.apache.kafka.streams.processor.TopicNameExtractor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.aptituderouter.app.capability.LiveCapabilities;
import org.aptituderouter.app.metrics.RouterMetrics;
import org.aptituderouter.app.outcomes.ClosedLoop;
import org.aptituderouter.app.outcomes.DecisionIndexer;
import org.aptituderouter.app.outcomes.EvidenceCounter;
import org.aptituderouter.app.outcomes.EvidenceUpdateProcessor;
import org.aptituderouter.app.outcomes.GradedOutcome;
import org.aptituderouter.app.outcomes.OutcomeCheck;
import org.aptituderouter.app.outcomes.OutcomeOutput;
import org.aptituderouter.app.routing.RouterOutput;
import org.aptituderouter.app.topics.RouterTopics;
import org.aptituderouter.core.BatchRouter;
import org.aptituderouter.schemas.avro.DeadLetter;
import org.aptituderouter.schemas.avro.RoutingDecision;

/**
 * The routing topology:
 * <pre>
 * instructions (bytes) -> batch-router [instruction-batch-store] -> routed.&lt;model&gt;   (instruction unchanged)
 *                                                                  -> routing-decisions
 *                                                                  -> instructions.dlq
 *                                   routing-decisions -> decision-indexer [decision-index-store]
 * model-outcomes (bytes) -> outcome-check [decision-index-store] -> instructions.dlq (unusable outcomes)
 *                        -> by model id -> evidence-counter [live-evidence-store] -> model-evidence
 * model-capabilities -> global model-capabilities-store -> LiveCapabilities snapshot
 * model-evidence     -> global model-evidence-store     -> LiveCapabilities (live evidence added)
 * </pre>
 * Instructions are read as bytes and decoded in the processor, so an unreadable record becomes a dead letter instead
 * of a stopped stream. Keys pass through as bytes: every output carries the instruction's own key.
 */
public final class RouterTopology {

    private RouterTopology() {}

    public static KStream<byte[], RouterOutput> build(
            StreamsBuilder builder,
            RouterTopics topics,
            ProcessorSupplier<byte[], byte[], byte[], RouterOutput> batchRouter,
            ProcessorSupplier<String, byte[], Void, Void> capabilityUpdater,
            ClosedLoop loop) {

        builder.addGlobalStore(
                capabilitiesStore(),
                topics.capabilities().name(),
                Consumed.with(Serdes.String(), Serdes.ByteArray()).withName(CAPABILITIES_SOURCE),
                capabilityUpdater);
        builder.addGlobalStore(
                rawByModel(EVIDENCE_STORE),
                topics.evidence().name(),
                Consumed.with(Serdes.String(), Serdes.ByteArray()).withName(EVIDENCE_SOURCE),
                loop.evidenceUpdater());
        builder.addStateStore(decisionIndexStore(loop.decisionRetention()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(LIVE_EVIDENCE_STORE), Serdes.String(), Serdes.ByteArray()));

        KStream<byte[], RouterOutput> outcomes = builder.stream(
                        topics.instructions().name(),
                        topics.instructions().raw().consumed(INSTRUCTIONS_SOURCE))
                .process(batchRouter, Named.as(BATCH_ROUTER));

        Serde<byte[]> keys = Serdes.ByteArray();
        TopicNameExtractor<byte[], RouterOutput.ToModel> modelTopic =
                (key, routed, context) -> topics.routedTopicName(routed.modelId());
        outcomes.split(Named.as(OUTCOME_SPLIT))
                .branch(
                        (key, out) -> out instanceof RouterOutput.ToModel,
                        Branched.withConsumer(
                                routed -> routed.mapValues(out -> (RouterOutput.ToModel) out, Named.as(ROUTED_VALUES))
                                        .to(
                                                modelTopic,
                                                Produced.with(keys, routedInstructionSerde())
                                                        .withName(ROUTED_SINK)),
                                ROUTED_BRANCH))
                .branch(
                        (key, out) -> out instanceof RouterOutput.Decision,
                        Branched.withConsumer(
                                decisions -> {
                                    KStream<byte[], RoutingDecision> values = decisions.mapValues(
                                            out -> ((RouterOutput.Decision) out).decision(), Named.as(DECISION_VALUES));
                                    values.to(
                                            topics.decisions().name(),
                                            Produced.with(
                                                            keys,
                                                            topics.decisions().valueSerde())
                                                    .withName(DECISIONS_SINK));
                                    values.process(loop.indexer(), Named.as(DECISION_INDEXER), DECISION_INDEX_STORE);
                                },
                                DECISION_BRANCH))
                .branch(
                        (key, out) -> out instanceof RouterOutput.DeadLettered,
                        Branched.withConsumer(
                                dead -> toDeadLetters(
                                        dead,
                                        out -> ((RouterOutput.DeadLettered) out).letter(),
                                        DEAD_LETTER_VALUES,
                                        DEAD_LETTER_SINK,
                                        topics),
                                DEAD_LETTER_BRANCH))
                .noDefaultBranch();

        builder.stream(topics.outcomes().name(), topics.outcomes().raw().consumed(OUTCOMES_SOURCE))
                .process(loop.check(), Named.as(OUTCOME_CHECK), DECISION_INDEX_STORE)
                .split(Named.as(OUTCOME_CHECK_SPLIT))
                .branch(
                        (key, out) -> out instanceof OutcomeOutput.Counted,
                        Branched.withConsumer(
                                counted -> counted.map(
                                                (key, out) -> KeyValue.pair(
                                                        ((OutcomeOutput.Counted) out).modelId(),
                                                        ((OutcomeOutput.Counted) out).outcome()),
                                                Named.as(OUTCOMES_BY_MODEL_KEY))
                                        .repartition(Repartitioned.with(Serdes.String(), GradedOutcome.serde())
                                                .withName(OUTCOMES_BY_MODEL))
                                        .process(loop.counter(), Named.as(EVIDENCE_COUNTER), LIVE_EVIDENCE_STORE)
                                        .to(
                                                topics.evidence().name(),
                                                Produced.with(
                                                                Serdes.String(),
                                                                topics.evidence()
                                                                        .valueSerde())
                                                        .withName(EVIDENCE_SINK)),
                                COUNTED_BRANCH))
                .branch(
                        (key, out) -> out instanceof OutcomeOutput.DeadLettered,
                        Branched.withConsumer(
                                dead -> toDeadLetters(
                                        dead,
                                        out -> ((OutcomeOutput.DeadLettered) out).letter(),
                                        OUTCOME_DEAD_LETTER_VALUES,
                                        OUTCOME_DEAD_LETTER_SINK,
                                        topics),
                                DEAD_LETTER_BRANCH))
                .noDefaultBranch();
        return outcomes;
    }

    /** A branch's dead letters, each taken out of its output and written to the dead-letter topic, by their names. */
    private static <V> void toDeadLetters(
            KStream<byte[], V> dead,
            ValueMapper<V, DeadLetter> letter,
            String valuesName,
            String sinkName,
            RouterTopics topics) {
        dead.mapValues(letter, Named.as(valuesName))
                .to(
                        topics.deadLetters().name(),
                        Produced.with(Serdes.ByteArray(), topics.deadLetters().valueSerde())
                                .withName(sinkName));
    }

    /**
     * The closed loop's processors over the application's topics, stores and live capability set; with {@code corrections}
     * outcomes also teach each model's correction, through {@code router}.
     */
    public static ClosedLoop closedLoop(
            RouterTopics topics,
            LiveCapabilities capabilities,
            BatchRouter router,
            RouterMetrics metrics,
            Duration decisionRetention,
            boolean corrections) {
        return new ClosedLoop(
                DecisionIndexer.supplier(DECISION_INDEX_STORE, corrections),
                OutcomeCheck.supplier(
                        DECISION_INDEX_STORE,
                        topics.outcomes().name(),
                        topics.outcomes().valueSerde().deserializer(),
                        capabilities,
                        metrics),
                EvidenceCounter.supplier(LIVE_EVIDENCE_STORE, capabilities, router, corrections, metrics),
                EvidenceUpdateProcessor.supplier(
                        EVIDENCE_STORE,
                        topics.evidence().name(),
                        topics.evidence().valueSerde().deserializer(),
                        capabilities,
                        metrics,
                        // without corrections no published one applies: no version matches ""
                        corrections ? router.version() : ""),
                decisionRetention);
    }

    /**
     * Decisions by instruction id at their decision time, kept {@code retention} (segments older than that are
     * dropped whole); changelogged, so an outcome finds its decision on whichever instance owns the partition.
     */
    private static StoreBuilder<WindowStore<String, byte[]>> decisionIndexStore(Duration retention) {
        return Stores.windowStoreBuilder(
                Stores.persistentWindowStore(DECISION_INDEX_STORE, retention, Duration.ofMillis(1), false),
                Serdes.String(),
                Serdes.ByteArray());
    }

    /** Raw record bytes by model id, for a global store whose topic is its changelog. */
    private static StoreBuilder<KeyValueStore<String, byte[]>> rawByModel(String name) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), Serdes.ByteArray())
                .withLoggingDisabled();
    }

    /** Raw capability bytes by model id; the compacted topic is its changelog, so no logging of its own. */
    private static StoreBuilder<KeyValueStore<String, byte[]>> capabilitiesStore() {
        return rawByModel(CAPABILITIES_STORE);
    }

    /** Writes the producer's original bytes: the routed topic gets the instruction exactly as it was submitted. */
    private static Serde<RouterOutput.ToModel> routedInstructionSerde() {
        return Serdes.serdeFrom((topic, routed) -> routed == null ? null : routed.instruction(), (topic, bytes) -> {
            throw new UnsupportedOperationException("routed instructions are only written by the router");
        });
    }
}
