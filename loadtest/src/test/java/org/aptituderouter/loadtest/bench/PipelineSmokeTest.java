package org.aptituderouter.loadtest.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.aptituderouter.loadtest.clock.BenchClock;
import org.aptituderouter.loadtest.testing.TestCluster;
import org.aptituderouter.loadtest.testing.TestScorerHead;
import org.aptituderouter.schemas.avro.ModelCapability;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A few seconds of load through the real application on a real broker: every instruction sent must reach its
 * model's topic and the decisions topic exactly once, and a model published mid-run must be chosen. Speed is not
 * asserted. The head is {@link TestScorerHead} over the 4-task aptitude test in this module's test resources, so
 * the strongest model is known to win.
 */
class PipelineSmokeTest {

    private static final String APTITUDE_TEST = TestScorerHead.TEST_ID;
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
            Path bundle = TestScorerHead.writeBundle(dir.resolve("bundle"), 4);
            properties.put("router.inference.bundle", bundle.toString());
            try (RouterUnderTest app = RouterUnderTest.start(properties, Duration.ofMinutes(2));
                 BenchSession session = new BenchSession(app, TEXTS, BenchClock.system(), "smoke",
                         Duration.ofSeconds(60))) {
                StepResult step = session.steps().run("steady", 20, Duration.ofSeconds(3), Progress.silent());

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

                OnboardingResult onboarding = session.onboarding().run(Newcomer.strongest(app.zoo(), "newcomer"),
                        20, Duration.ofSeconds(3), Progress.silent());

                assertThat(onboarding.onboardingMs()).isNotNull().isPositive();
                assertThat(onboarding.step().exactlyOnce()).isTrue();
                assertThat(onboarding.step().perModel()).containsKey("newcomer");
            }
        }
    }

    /** Two models, before the router starts: it is ready only once it has a routable model. */
    private static void publishZoo(TestCluster cluster) throws Exception {
        cluster.createTopics(List.of(new NewTopic("model-capabilities", 1, (short) 1)
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))));
        try (KafkaProducer<String, ModelCapability> producer = new KafkaProducer<>(cluster.clientConfig(),
                new StringSerializer(), cluster.serde(ModelCapability.class).serializer())) {
            producer.send(new ProducerRecord<>("model-capabilities", "strong", capability("strong", 0.9f)));
            producer.send(new ProducerRecord<>("model-capabilities", "weak", capability("weak", 0.2f)));
            producer.flush();
        }
    }

    private static ModelCapability capability(String model, float score) {
        Float[] scores = new Float[4];
        Arrays.fill(scores, score);
        return ModelCapability.newBuilder()
                .setModelId(model)
                .setAptitudeTestId(APTITUDE_TEST)
                .setScores(Arrays.asList(scores))
                .build();
    }
}
