package org.aptituderouter.app.support;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.aptituderouter.app.capability.CapabilityUpdateProcessorSupplier;
import org.aptituderouter.app.capability.LiveCapabilities;
import org.aptituderouter.app.capability.ModelOnboarding;
import org.aptituderouter.app.config.TopicsProperties;
import org.aptituderouter.app.metrics.RouterMetrics;
import org.aptituderouter.app.outcomes.ClosedLoop;
import org.aptituderouter.app.routing.BatchingRouteProcessorSupplier;
import org.aptituderouter.app.routing.InstructionDecoder;
import org.aptituderouter.app.routing.PendingInstruction;
import org.aptituderouter.app.routing.RoutingRequests;
import org.aptituderouter.app.routing.TransactionBudget;
import org.aptituderouter.app.topics.RouterTopics;
import org.aptituderouter.app.topics.SchemaRegistrySettings;
import org.aptituderouter.app.topics.TopicSpec;
import org.aptituderouter.app.topology.NodeNames;
import org.aptituderouter.app.topology.RouterTopology;
import org.aptituderouter.core.BatchRouter;
import org.aptituderouter.core.bundle.RouterBundle;
import org.aptituderouter.core.policy.PolicySpec;
import org.aptituderouter.core.policy.PolicyType;
import org.aptituderouter.schemas.avro.DeadLetter;
import org.aptituderouter.schemas.avro.InstructionEvent;
import org.aptituderouter.schemas.avro.ModelCapability;
import org.aptituderouter.schemas.avro.ModelEvidence;
import org.aptituderouter.schemas.avro.ModelOutcome;
import org.aptituderouter.schemas.avro.RoutingDecision;
import org.aptituderouter.schemas.registry.SchemaRegistryServer;

/**
 * The routing topology in a TopologyTestDriver: real serdes against a real registry over HTTP, the real router,
 * wall-clock time moved by hand. Routed topics are "ensured" into a list instead of a broker.
 */
public final class TopologyFixture implements AutoCloseable {

    private static SchemaRegistryServer registry;

    public final RouterTopics topics;
    public final LiveCapabilities live;
    public final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    /** Model ids whose routed topic was ensured, in order, with whether the model was already routable then. */
    public final List<String> ensured = Collections.synchronizedList(new ArrayList<>());

    public final TopologyTestDriver driver;
    public final TestInputTopic<String, InstructionEvent> instructions;
    public final TestInputTopic<byte[], byte[]> rawInstructions;
    public final TestInputTopic<String, ModelCapability> capabilities;
    public final TestInputTopic<String, byte[]> rawCapabilities;
    public final TestOutputTopic<String, RoutingDecision> decisions;
    public final TestOutputTopic<String, DeadLetter> deadLetters;
    public final TestInputTopic<String, ModelOutcome> outcomes;
    public final TestInputTopic<byte[], byte[]> rawOutcomes;
    public final TestOutputTopic<String, ModelEvidence> evidence;

    public TopologyFixture(int maxSize, Duration maxWait) throws Exception {
        this(maxSize, maxWait, TestRouter.get());
    }

    /** With another router in the topology (a shadowed one, say). */
    public TopologyFixture(int maxSize, Duration maxWait, BatchRouter router) throws Exception {
        this(maxSize, maxWait, router, true);
    }

    /** With outcome corrections on or off ({@code router.outcomes.corrections}). */
    public TopologyFixture(int maxSize, Duration maxWait, BatchRouter router, boolean corrections) throws Exception {
        topics = new RouterTopics(
                new TopicsProperties(), new SchemaRegistrySettings(Map.of("schema.registry.url", registryUrl())));
        live = new LiveCapabilities(RouterBundle.bundled().aptitudeTest());
        RouterMetrics metrics = new RouterMetrics(meters, live);
        BatchingRouteProcessorSupplier batchRouter = new BatchingRouteProcessorSupplier(
                NodeNames.BATCH_STORE,
                maxSize,
                maxWait,
                new TransactionBudget(Duration.ofSeconds(2)),
                new InstructionDecoder(topics.instructions().valueSerde().deserializer()),
                new RoutingRequests(new PolicySpec(PolicyType.QUALITY, 0.001, 0.7)),
                router,
                live,
                metrics,
                InstantSource.system());
        CapabilityUpdateProcessorSupplier capabilityUpdater = new CapabilityUpdateProcessorSupplier(
                NodeNames.CAPABILITIES_STORE,
                topics.capabilities().name(),
                topics.capabilities().valueSerde().deserializer(),
                live,
                new ModelOnboarding(live, this::ensure, metrics, (attempt, delay) -> attempt.run(), () -> {}),
                metrics);
        StreamsBuilder builder = new StreamsBuilder();
        ClosedLoop loop = RouterTopology.closedLoop(topics, live, router, metrics, Duration.ofDays(7), corrections);
        RouterTopology.build(builder, topics, batchRouter, capabilityUpdater, loop);

        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "topology-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(
                StreamsConfig.STATE_DIR_CONFIG,
                Files.createTempDirectory("topology-test").toString());
        driver = new TopologyTestDriver(builder.build(), config, Instant.now());

        TopicSpec<String, InstructionEvent> in = topics.instructions();
        instructions = driver.createInputTopic(
                in.name(), new StringSerializer(), in.valueSerde().serializer());
        rawInstructions = driver.createInputTopic(in.name(), new ByteArraySerializer(), new ByteArraySerializer());
        TopicSpec<String, ModelCapability> caps = topics.capabilities();
        capabilities = driver.createInputTopic(
                caps.name(), new StringSerializer(), caps.valueSerde().serializer());
        rawCapabilities = driver.createInputTopic(caps.name(), new StringSerializer(), new ByteArraySerializer());
        decisions = driver.createOutputTopic(
                topics.decisions().name(),
                topics.decisions().keySerde().deserializer(),
                topics.decisions().valueSerde().deserializer());
        deadLetters = driver.createOutputTopic(
                topics.deadLetters().name(),
                topics.deadLetters().keySerde().deserializer(),
                topics.deadLetters().valueSerde().deserializer());
        TopicSpec<String, ModelOutcome> graded = topics.outcomes();
        outcomes = driver.createInputTopic(
                graded.name(), new StringSerializer(), graded.valueSerde().serializer());
        rawOutcomes = driver.createInputTopic(graded.name(), new ByteArraySerializer(), new ByteArraySerializer());
        evidence = driver.createOutputTopic(
                topics.evidence().name(),
                topics.evidence().keySerde().deserializer(),
                topics.evidence().valueSerde().deserializer());
    }

    /** A registry server over HTTP shared by the unit tests. */
    public static synchronized String registryUrl() {
        if (registry == null) {
            registry = new SchemaRegistryServer().start(0);
        }
        return registry.url();
    }

    public TestOutputTopic<String, InstructionEvent> routed(String modelId) {
        TopicSpec<String, InstructionEvent> spec = topics.routed(modelId);
        return driver.createOutputTopic(
                spec.name(), spec.keySerde().deserializer(), spec.valueSerde().deserializer());
    }

    public KeyValueStore<Long, PendingInstruction> batchStore() {
        return driver.getKeyValueStore(NodeNames.BATCH_STORE);
    }

    public int storedCount() {
        int count = 0;
        try (var all = batchStore().all()) {
            while (all.hasNext()) {
                all.next();
                count++;
            }
        }
        return count;
    }

    public void send(InstructionEvent event) {
        instructions.pipeInput(event.getId(), event);
    }

    public double counter(String name, String... tags) {
        var counter = meters.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    @Override
    public void close() {
        driver.close();
    }

    /** The routed topics "created": recorded with whether the model was already routable then. */
    private void ensure(java.util.Collection<String> modelIds) {
        modelIds.forEach(id -> ensured.add(id + (live.current().contains(id) ? ":known" : ":new")));
    }
}
