package org.aptituderouter.app.topics;

import jakarta.inject.Singleton;
import java.util.regex.Pattern;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.aptituderouter.app.config.TopicsProperties;
import org.aptituderouter.schemas.avro.DeadLetter;
import org.aptituderouter.schemas.avro.InstructionEvent;
import org.aptituderouter.schemas.avro.ModelCapability;
import org.aptituderouter.schemas.avro.ModelEvidence;
import org.aptituderouter.schemas.avro.ModelOutcome;
import org.aptituderouter.schemas.avro.RoutingDecision;
import org.aptituderouter.schemas.registry.SchemaRegistryClient;
import org.aptituderouter.schemas.serde.AvroSerde;
import org.aptituderouter.schemas.serde.AvroSerdeConfig;

/**
 * The registry of every topic the router touches, typed as clients see them: keys are instruction ids (or model
 * ids), values Avro records in Confluent's wire format. Names come from {@code router.topics.*} with the prefix
 * applied; nothing else in the code spells a topic name.
 */
@Singleton
public class RouterTopics {

    /** Characters Kafka allows in a topic name; anything else in a model id becomes '_'. */
    private static final Pattern ILLEGAL = Pattern.compile("[^a-zA-Z0-9._-]");

    private static final int MAX_TOPIC_LENGTH = 249;

    private final TopicsProperties properties;
    private final TopicSpec<String, InstructionEvent> instructions;
    private final TopicSpec<String, ModelCapability> capabilities;
    private final TopicSpec<String, RoutingDecision> decisions;
    private final TopicSpec<String, DeadLetter> deadLetters;
    private final TopicSpec<String, ModelOutcome> outcomes;
    private final TopicSpec<String, ModelEvidence> evidence;
    private final Serde<InstructionEvent> instructionSerde;

    public RouterTopics(TopicsProperties properties, SchemaRegistrySettings registry) {
        this.properties = properties;
        // one registry client for all serdes: a schema fetched once is cached for every topic
        SchemaRegistryClient client = new AvroSerdeConfig(registry.serdeConfig()).registryClient();
        this.instructionSerde = avro(InstructionEvent.class, client, registry);
        this.instructions = new TopicSpec<>(name(properties.getInstructions()), Serdes.String(), instructionSerde);
        this.capabilities = new TopicSpec<>(
                name(properties.getCapabilities()), Serdes.String(), avro(ModelCapability.class, client, registry));
        this.decisions = new TopicSpec<>(
                name(properties.getDecisions()), Serdes.String(), avro(RoutingDecision.class, client, registry));
        this.deadLetters = new TopicSpec<>(
                name(properties.getDeadLetter()), Serdes.String(), avro(DeadLetter.class, client, registry));
        this.outcomes = new TopicSpec<>(
                name(properties.getOutcomes()), Serdes.String(), avro(ModelOutcome.class, client, registry));
        this.evidence = new TopicSpec<>(
                name(properties.getEvidence()), Serdes.String(), avro(ModelEvidence.class, client, registry));
    }

    /** Instructions to route, keyed by instruction id. */
    public TopicSpec<String, InstructionEvent> instructions() {
        return instructions;
    }

    /** Compacted: the latest capability vector per model id; a tombstone retires the model. */
    public TopicSpec<String, ModelCapability> capabilities() {
        return capabilities;
    }

    /** Every routing decision, with its alternatives and versions. */
    public TopicSpec<String, RoutingDecision> decisions() {
        return decisions;
    }

    /** Records that could not be used or routed, with the reason. */
    public TopicSpec<String, DeadLetter> deadLetters() {
        return deadLetters;
    }

    /** Graded answers, keyed by instruction id (as the instruction was), so each meets its decision's partition. */
    public TopicSpec<String, ModelOutcome> outcomes() {
        return outcomes;
    }

    /** Compacted: the latest evidence from graded outcomes per model id, written by the router. */
    public TopicSpec<String, ModelEvidence> evidence() {
        return evidence;
    }

    /** The topic a model's workers consume: the instructions routed to it, unchanged. */
    public TopicSpec<String, InstructionEvent> routed(String modelId) {
        return new TopicSpec<>(routedTopicName(modelId), Serdes.String(), instructionSerde);
    }

    /**
     * {@code <prefix><routed-prefix><model-id>}, with characters Kafka forbids (e.g. the '/' of
     * {@code org/model}) replaced by '_'. Distinct ids that differ only there would share a topic; ids are
     * expected to be topic-safe, this keeps an unexpected one from stopping the router.
     */
    public String routedTopicName(String modelId) {
        String topic =
                name(properties.getRoutedPrefix() + ILLEGAL.matcher(modelId).replaceAll("_"));
        return topic.length() <= MAX_TOPIC_LENGTH ? topic : topic.substring(0, MAX_TOPIC_LENGTH);
    }

    private String name(String base) {
        return properties.getPrefix() + base;
    }

    private static <T> Serde<T> avro(Class<T> type, SchemaRegistryClient client, SchemaRegistrySettings registry) {
        AvroSerde<T> serde = new AvroSerde<>(client, type);
        serde.configure(registry.serdeConfig(), false);
        return serde;
    }
}
