package org.aptituderouter.loadtest.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.aptituderouter.core.capability.CapabilitySet;
import org.aptituderouter.core.capability.Newcomer;
import org.aptituderouter.core.policy.PolicySpec;
import org.aptituderouter.core.testing.TestBundles;
import org.aptituderouter.core.testing.TestHeads;
import org.aptituderouter.loadtest.clock.BenchClock;
import org.aptituderouter.loadtest.replay.ReplayReport;
import org.aptituderouter.loadtest.replay.ReplayWriter;
import org.aptituderouter.loadtest.replay.WhatIfReplay;
import org.aptituderouter.loadtest.testing.TestCluster;
import org.aptituderouter.schemas.avro.ModelCapability;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A few seconds of load through the real application on a real broker: every instruction sent must reach its
 * model's topic and the decisions topic exactly once, and a model published mid-run must be chosen. Speed is not
 * asserted. The head is router-core's {@link TestHeads#meanCapability} (a model's probability is the mean of its
 * capability vector) over a 4-task aptitude test, so the strongest model is known to win.
 */
class PipelineSmokeTest {

    private static final String APTITUDE_TEST = "loadtest-smoke-v1";
    private static final int TASKS = 4;
    private static final int EMBEDDING_DIMENSION = 384;
    private static final List<String> TEXTS = List.of(
            "What is the derivative of x^2?\nA. x\nB. 2x\nC. x^2\nD. 2",
            "Which doctrine protects a tenant whose landlord refuses to repair the heating?",
            "Name the organelle that makes most of a cell's ATP.");

    @TempDir
    Path dir;

    @Test
    void everyInstructionIsRoutedAndDecidedExactlyOnceAndANewModelIsChosen() throws Exception {
        try (TestCluster cluster = TestCluster.start()) {
            publishZoo(cluster);
            Map<String, Object> properties = new HashMap<>();
            properties.put("kafka.bootstrap.servers", cluster.bootstrapServers());
            properties.put("kafka.schema.registry.url", cluster.registryUrl());
            Path bundle = TestBundles.write(
                    dir.resolve("bundle"), APTITUDE_TEST, TASKS, TestHeads.meanCapability(EMBEDDING_DIMENSION, TASKS));
            properties.put("router.inference.bundle", bundle.toString());
            // the spillover step needs its crossing noticed well before the catch-up, even on a loaded machine
            properties.put("router.spillover.poll-interval", "100ms");
            try (RouterUnderTest app = RouterUnderTest.start(properties, Duration.ofMinutes(2));
                    BenchSession session =
                            new BenchSession(app, TEXTS, BenchClock.system(), "smoke", Duration.ofSeconds(60))) {
                Instant windowStart = Instant.now();
                StepResult step = session.steps().run("steady", 20, Duration.ofSeconds(3), Progress.silent());
                Instant windowEnd = Instant.now();

                assertThat(step.sent()).isEqualTo(60);
                assertThat(step.received()).isEqualTo(60);
                assertThat(step.missing()).isZero();
                assertThat(step.duplicates()).isZero();
                assertThat(step.unexpected()).isZero();
                assertThat(step.decisionsMissing()).isZero();
                assertThat(step.decisionsDuplicates()).isZero();
                assertThat(step.sendErrors()).isZero();
                assertThat(step.perModel()).isEqualTo(Map.of("strong", 60L));
                assertThat(step.p50Ms()).isPositive();

                OnboardingResult onboarding = session.onboarding()
                        .run(
                                Newcomer.withFullMarks(app.zoo(), "newcomer"),
                                20,
                                Duration.ofSeconds(6),
                                Progress.silent());

                assertThat(onboarding.onboardingMs()).isNotNull().isPositive();
                assertThat(onboarding.step().exactlyOnce()).isTrue();
                assertThat(onboarding.step().perModel()).containsKey("newcomer");

                // the workers of "strong" stop: its instructions spill over to "weak" until they catch up
                SpilloverResult spillover = session.spillover()
                        .run(
                                app.zoo().find("strong").orElseThrow(),
                                app.topics().routedTopicName("strong"),
                                "smoke-workers",
                                10,
                                20,
                                Duration.ofSeconds(12),
                                Progress.silent());
                assertThat(spillover.crossed()).as("the backlog passed max_lag").isTrue();
                assertThat(spillover.stopped())
                        .as("nothing more reached strong after its limit (quiet before the catch-up)")
                        .isTrue();
                assertThat(spillover.resumeMs())
                        .as("received again after the catch-up")
                        .isNotNull();
                assertThat(spillover.step().exactlyOnce()).isTrue();
                assertThat(spillover.step().perModel()).containsKeys("strong", "weak");

                // what if "strong" had not been there: the steady step's window replayed against "weak" alone
                Map<TopicPartition, Long> routedBefore = routedEnds(app);
                CapabilitySet weakOnly = CapabilitySet.empty(app.zoo().test())
                        .withAll(List.of(app.zoo().find("weak").orElseThrow()));
                ReplayReport replay = new WhatIfReplay(app.clientConfig(), app.topics())
                        .run(windowStart, windowEnd, app.router(), PolicySpec.quality(), weakOnly);
                assertThat(replay.instructions()).isEqualTo(60);
                assertThat(replay.withDecision()).isEqualTo(60);
                assertThat(replay.moved()).isEqualTo(60);
                assertThat(replay.volumeBefore()).isEqualTo(Map.of("strong", 60L));
                assertThat(replay.volumeAfter()).isEqualTo(Map.of("weak", 60L));
                assertThat(replay.estimatedAfter()).isLessThan(replay.estimatedBefore());
                assertThat(routedEnds(app)).as("a replay writes nothing").isEqualTo(routedBefore);
                ReplayWriter.write(replay, dir.resolve("replay"));
                assertThat(Files.readString(dir.resolve("replay/replay.md"))).contains("**Moved**: 60 (100.0%)");
                assertThat(dir.resolve("replay/replay.png")).isNotEmptyFile();
            }
        }
    }

    /** End offsets of every routed topic of this router. */
    private static Map<TopicPartition, Long> routedEnds(RouterUnderTest app) {
        Properties config = new Properties();
        config.putAll(app.clientConfig());
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.listTopics().forEach((topic, infos) -> {
                if (topic.startsWith(app.routedTopicPrefix())) {
                    infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
                }
            });
            return consumer.endOffsets(partitions);
        }
    }

    /** Two models, before the router starts: it is ready only once it has a routable model. */
    private static void publishZoo(TestCluster cluster) throws Exception {
        cluster.createTopics(List.of(new NewTopic("model-capabilities", 1, (short) 1)
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))));
        try (KafkaProducer<String, ModelCapability> producer = new KafkaProducer<>(
                cluster.clientConfig(),
                new StringSerializer(),
                cluster.serde(ModelCapability.class).serializer())) {
            producer.send(new ProducerRecord<>("model-capabilities", "strong", capability("strong", 0.9f)));
            producer.send(new ProducerRecord<>("model-capabilities", "weak", capability("weak", 0.2f)));
            producer.flush();
        }
    }

    private static ModelCapability capability(String model, float score) {
        Float[] scores = new Float[TASKS];
        Arrays.fill(scores, score);
        return ModelCapability.newBuilder()
                .setModelId(model)
                .setAptitudeTestId(APTITUDE_TEST)
                .setScores(Arrays.asList(scores))
                .build();
    }
}
