package org.aptituderouter.loadtest.collector;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.aptituderouter.loadtest.clock.BenchClock;
import org.aptituderouter.loadtest.generator.InstructionIds;
import org.aptituderouter.loadtest.generator.LoadHeaders;
import org.aptituderouter.schemas.avro.RoutingDecision;

/**
 * Reads what the router made visible (read_committed: only committed transactions count, as for any downstream
 * consumer) from every model topic and the decisions topic, and accounts each record to its run: end-to-end
 * latency from the intended send time, exactly-once delivery, counts per model. Also notes when the first
 * decision for each model arrived, which is how model onboarding is timed.
 */
public final class EndToEndCollector implements AutoCloseable {

    /**
     * Reading starts this long before the collector was created: record timestamps come from the producer's wall
     * clock, which may have been slewed against the bench clock. Earlier records are of no registered run and
     * are skipped as foreign.
     */
    private static final Duration START_MARGIN = Duration.ofSeconds(5);

    private final PollLoop<String, byte[]> loop;
    private final String routedPrefix;
    private final String decisionsTopic;
    private final Deserializer<RoutingDecision> decisionDeserializer;
    private final RunRegistry runs;
    private final BenchClock clock;
    private final Map<String, Long> firstDecisionNanos = new ConcurrentHashMap<>();
    private final LongAdder unreadable = new LongAdder();

    /**
     * @param clientConfig         the router's client settings (bootstrap servers, security)
     * @param routedPrefix         what every model topic's name starts with (topic prefix and routed prefix)
     * @param decisionDeserializer Avro deserializer of the decisions topic, configured for the router's registry
     */
    public EndToEndCollector(
            Map<String, Object> clientConfig,
            String routedPrefix,
            String decisionsTopic,
            Deserializer<RoutingDecision> decisionDeserializer,
            RunRegistry runs,
            BenchClock clock) {
        this.routedPrefix = routedPrefix;
        this.decisionsTopic = decisionsTopic;
        this.decisionDeserializer = decisionDeserializer;
        this.runs = runs;
        this.clock = clock;
        this.loop = new PollLoop<>(
                new KafkaConsumer<>(
                        consumerConfig(clientConfig), new StringDeserializer(), new ByteArrayDeserializer()),
                Pattern.compile(Pattern.quote(routedPrefix) + ".+|" + Pattern.quote(decisionsTopic)),
                clock.epochMicros(clock.nanoTime()) / 1000 - START_MARGIN.toMillis(),
                record -> account(record, clock.nanoTime()),
                "loadtest-collector");
    }

    private static Map<String, Object> consumerConfig(Map<String, Object> clientConfig) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // a group is needed for a pattern subscription; a fresh one per collector, and nothing committed: where to
        // read is decided by ResumingRebalanceListener
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "aptitude-router-loadtest-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        // a model that joins mid-run gets a new routed topic: notice it within a second, not the default 5 minutes
        config.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 1000);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "aptitude-router-loadtest-collector");
        return config;
    }

    /** Subscribes and starts reading in the background. */
    public EndToEndCollector start() {
        loop.start();
        return this;
    }

    private void account(ConsumerRecord<String, byte[]> record, long arrivalNanos) {
        if (record.topic().equals(decisionsTopic)) {
            accountDecision(record, arrivalNanos);
            return;
        }
        InstructionIds.Parsed id = InstructionIds.parse(record.key());
        RunStats run = id == null ? null : runs.find(id.runId());
        if (run == null) {
            return;
        }
        long intended = LoadHeaders.intendedMicros(record.headers());
        long latency = intended < 0 ? -1 : clock.epochMicros(arrivalNanos) - intended;
        run.routedArrival(id.sequence(), record.topic().substring(routedPrefix.length()), latency, arrivalNanos);
    }

    private void accountDecision(ConsumerRecord<String, byte[]> record, long arrivalNanos) {
        RoutingDecision decision;
        try {
            decision = decisionDeserializer.deserialize(record.topic(), record.headers(), record.value());
        } catch (RuntimeException e) {
            unreadable.increment();
            return;
        }
        firstDecisionNanos.putIfAbsent(decision.getModelId(), arrivalNanos);
        InstructionIds.Parsed id =
                InstructionIds.parse(decision.getInstruction().getId());
        RunStats run = id == null ? null : runs.find(id.runId());
        if (run != null) {
            run.decisionArrival(id.sequence());
        }
    }

    /** When the first decision choosing this model arrived here (bench clock), if one has. */
    public OptionalLong firstDecisionNanos(String modelId) {
        Long first = firstDecisionNanos.get(modelId);
        return first == null ? OptionalLong.empty() : OptionalLong.of(first);
    }

    /** Decisions that could not be deserialized. */
    public long unreadableDecisions() {
        return unreadable.sum();
    }

    /** Throws what stopped the poll loop, if it stopped on an error. */
    public void checkHealthy() {
        loop.checkHealthy();
    }

    @Override
    public void close() {
        loop.close();
    }
}
