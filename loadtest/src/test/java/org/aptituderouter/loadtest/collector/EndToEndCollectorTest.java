package org.aptituderouter.loadtest.collector;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.aptituderouter.loadtest.clock.BenchClock;
import org.aptituderouter.loadtest.generator.LoadHeaders;
import org.aptituderouter.loadtest.testing.TestCluster;
import org.aptituderouter.schemas.avro.InstructionEvent;
import org.aptituderouter.schemas.avro.RoutingDecision;
import org.aptituderouter.schemas.serde.AvroSerde;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The collector against a real broker, fed by a transactional producer playing the router. */
class EndToEndCollectorTest {

    private static final String RUN = "run-1";
    private static final String DECISIONS = "routing-decisions";

    private static TestCluster cluster;
    private final BenchClock clock = BenchClock.system();
    private AvroSerde<RoutingDecision> decisionSerde;

    @BeforeAll
    static void startCluster() {
        cluster = TestCluster.start();
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    @BeforeEach
    void serde() {
        decisionSerde = cluster.serde(RoutingDecision.class);
    }

    @Test
    void accountsEachInstructionOnceAcrossModelTopicsAndSkipsAbortedAndForeignRecords() throws Exception {
        cluster.createTopics(List.of(topic("routed.model-a"), topic("routed.model-b"), topic(DECISIONS)));
        RunRegistry runs = new RunRegistry();
        RunStats run = runs.register(RUN);
        for (long i = 0; i < 10; i++) {
            run.markSent(i);
        }
        try (EndToEndCollector collector = new EndToEndCollector(
                                cluster.clientConfig(), "routed.", DECISIONS, decisionSerde.deserializer(), runs, clock)
                        .start();
                KafkaProducer<String, byte[]> router = transactionalProducer()) {
            router.initTransactions();

            router.beginTransaction();
            for (int i = 0; i < 8; i++) {
                routed(router, i < 5 ? "model-a" : "model-b", i);
                decision(router, i < 5 ? "model-a" : "model-b", i);
            }
            router.commitTransaction();

            router.beginTransaction();
            routed(router, "model-a", 8);
            router.abortTransaction();

            router.beginTransaction();
            routed(router, "model-b", 3);
            router.send(new ProducerRecord<>("routed.model-a", "another-run-0", new byte[0]));
            router.commitTransaction();

            await(() -> run.routed().received() == 8 && run.routed().duplicates() == 1);

            // a model joins: its topic appears mid-run, the pattern subscription rebalances, and nothing already
            // read may be read again
            cluster.createTopics(List.of(topic("routed.model-c")));
            router.beginTransaction();
            routed(router, "model-c", 9);
            router.commitTransaction();

            await(() -> run.routed().received() == 9);
            Thread.sleep(500);

            assertThat(run.routed()).isEqualTo(new DeliveryCounts(10, 9, 1, 1, 0));
            assertThat(run.decisions()).isEqualTo(new DeliveryCounts(10, 8, 2, 0, 0));
            assertThat(run.complete()).isFalse();
            assertThat(run.perModel()).isEqualTo(Map.of("model-a", 5L, "model-b", 3L, "model-c", 1L));
            assertThat(runs.foreignRecords()).isEqualTo(1);
            assertThat(collector.firstDecisionNanos("model-b")).isPresent();
            assertThat(collector.firstDecisionNanos("model-c")).isEmpty();
            Histogram latency = run.takeLatency();
            assertThat(latency.getTotalCount()).isEqualTo(9);
            assertThat(latency.getMaxValue())
                    .isBetween(1L, Duration.ofSeconds(60).toNanos() / 1_000);
            collector.checkHealthy();
        }
    }

    private static NewTopic topic(String name) {
        return new NewTopic(name, Optional.of(3), Optional.empty());
    }

    private KafkaProducer<String, byte[]> transactionalProducer() {
        Map<String, Object> config = new HashMap<>(cluster.clientConfig());
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "collector-test-router");
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    private void routed(KafkaProducer<String, byte[]> router, String model, int sequence) {
        ProducerRecord<String, byte[]> record =
                new ProducerRecord<>("routed." + model, RUN + "-" + sequence, new byte[] {1});
        LoadHeaders.putIntendedMicros(record.headers(), clock.epochMicros(clock.nanoTime()));
        router.send(record);
    }

    private void decision(KafkaProducer<String, byte[]> router, String model, int sequence) {
        InstructionEvent instruction = InstructionEvent.newBuilder()
                .setId(RUN + "-" + sequence)
                .setText("text " + sequence)
                .setSubmittedAt(Instant.now())
                .build();
        RoutingDecision decision = RoutingDecision.newBuilder()
                .setInstruction(instruction)
                .setModelId(model)
                .setProbability(0.9)
                .setPolicy("quality")
                .setRouterVersion("test")
                .setCapabilitySetVersion(1)
                .setDecidedAt(Instant.now())
                .build();
        byte[] value = decisionSerde.serializer().serialize(DECISIONS, decision);
        router.send(new ProducerRecord<>(DECISIONS, instruction.getId(), value));
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met within 30 s").isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
