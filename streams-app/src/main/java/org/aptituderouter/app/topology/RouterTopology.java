package org.aptituderouter.app.topology;

import static org.aptituderouter.app.topology.NodeNames.*;

import org.aptituderouter.app.routing.RouterOutput;
import org.aptituderouter.app.topics.RouterTopics;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.TopicNameExtractor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The routing topology:
 * <pre>
 * instructions (bytes) -> batch-router [instruction-batch-store] -> routed.&lt;model&gt;   (instruction unchanged)
 *                                                                  -> routing-decisions
 *                                                                  -> instructions.dlq
 * model-capabilities -> global model-capabilities-store -> LiveCapabilities snapshot
 * </pre>
 * Instructions are read as bytes and decoded in the processor, so an unreadable record becomes a dead letter instead
 * of a stopped stream. Keys pass through as bytes: every output carries the instruction's own key.
 */
public final class RouterTopology {

    private RouterTopology() {
    }

    public static KStream<byte[], RouterOutput> build(
            StreamsBuilder builder,
            RouterTopics topics,
            ProcessorSupplier<byte[], byte[], byte[], RouterOutput> batchRouter,
            ProcessorSupplier<String, byte[], Void, Void> capabilityUpdater) {

        builder.addGlobalStore(capabilitiesStore(), topics.capabilities().name(),
                Consumed.with(Serdes.String(), Serdes.ByteArray()).withName(CAPABILITIES_SOURCE),
                capabilityUpdater);

        KStream<byte[], RouterOutput> outcomes = builder
                .stream(topics.instructions().name(), topics.instructions().raw().consumed(INSTRUCTIONS_SOURCE))
                .process(batchRouter, Named.as(BATCH_ROUTER));

        Serde<byte[]> keys = Serdes.ByteArray();
        TopicNameExtractor<byte[], RouterOutput.ToModel> modelTopic =
                (key, routed, context) -> topics.routedTopicName(routed.modelId());
        outcomes.split(Named.as(OUTCOME_SPLIT))
                .branch((key, out) -> out instanceof RouterOutput.ToModel, Branched.withConsumer(routed -> routed
                        .mapValues(out -> (RouterOutput.ToModel) out, Named.as(ROUTED_VALUES))
                        .to(modelTopic, Produced.with(keys, routedInstructionSerde()).withName(ROUTED_SINK)),
                        ROUTED_BRANCH))
                .branch((key, out) -> out instanceof RouterOutput.Decision, Branched.withConsumer(decisions -> decisions
                        .mapValues(out -> ((RouterOutput.Decision) out).decision(), Named.as(DECISION_VALUES))
                        .to(topics.decisions().name(), Produced.with(keys, topics.decisions().valueSerde())
                                .withName(DECISIONS_SINK)),
                        DECISION_BRANCH))
                .branch((key, out) -> out instanceof RouterOutput.DeadLettered, Branched.withConsumer(dead -> dead
                        .mapValues(out -> ((RouterOutput.DeadLettered) out).letter(), Named.as(DEAD_LETTER_VALUES))
                        .to(topics.deadLetters().name(), Produced.with(keys, topics.deadLetters().valueSerde())
                                .withName(DEAD_LETTER_SINK)),
                        DEAD_LETTER_BRANCH))
                .noDefaultBranch();
        return outcomes;
    }

    /** Raw capability bytes by model id; the compacted topic is its changelog, so no logging of its own. */
    private static StoreBuilder<KeyValueStore<String, byte[]>> capabilitiesStore() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CAPABILITIES_STORE), Serdes.String(),
                Serdes.ByteArray()).withLoggingDisabled();
    }

    /** Writes the producer's original bytes: the routed topic gets the instruction exactly as it was submitted. */
    private static Serde<RouterOutput.ToModel> routedInstructionSerde() {
        return Serdes.serdeFrom((topic, routed) -> routed == null ? null : routed.instruction(),
                (topic, bytes) -> {
                    throw new UnsupportedOperationException("routed instructions are only written by the router");
                });
    }
}
