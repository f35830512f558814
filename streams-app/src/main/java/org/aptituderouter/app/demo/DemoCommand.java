package org.aptituderouter.app.demo;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.aptituderouter.app.RouterRuntime;
import org.aptituderouter.app.capability.CapabilityRecords;
import org.aptituderouter.app.capability.LiveCapabilities;
import org.aptituderouter.app.config.BatchProperties;
import org.aptituderouter.app.topics.RouterTopics;
import org.aptituderouter.app.topics.TopicReader;
import org.aptituderouter.app.topics.TopicSpec;
import org.aptituderouter.core.capability.Candidate;
import org.aptituderouter.core.capability.CapabilitySet;
import org.aptituderouter.schemas.avro.DeadLetter;
import org.aptituderouter.schemas.avro.InstructionEvent;
import org.aptituderouter.schemas.avro.ModelCapability;
import org.aptituderouter.schemas.avro.RoutingDecision;
import org.aptituderouter.schemas.avro.ScoredModel;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * {@code bin/router demo}: the router end to end in one process. An in-process broker and registry with the bundled
 * zoo; sample instructions routed and explained (chosen model, its probability, the runner-up); a new model
 * published mid-stream and traffic reaching it; unusable input dead-lettered; then exit.
 */
public final class DemoCommand {

    private static final Duration WAIT = Duration.ofSeconds(60);
    /** Instructions sent before the newcomer joins; the rest are sent after. */
    private static final int BEFORE_ONBOARDING = 12;

    private final PrintStream out;
    private final RouterRuntime runtime;
    private final RouterTopics topics;
    private final LiveCapabilities capabilities;
    private final Map<String, Object> clients;
    private final Map<String, Integer> routedPerModel = new TreeMap<>();

    private DemoCommand(PrintStream out, RouterRuntime runtime) {
        this.out = out;
        this.runtime = runtime;
        this.topics = runtime.context().getBean(RouterTopics.class);
        this.capabilities = runtime.context().getBean(LiveCapabilities.class);
        this.clients = runtime.clientConfig();
    }

    public static int run(String[] options) {
        PrintStream out = System.out;
        Map<String, Object> demo = new LinkedHashMap<>();
        demo.put("micronaut.server.port", -1);
        demo.put("kafka.streams.default.application.id", "aptitude-router-demo");
        demo.put("router.batch.max-size", 8);
        demo.put("router.batch.max-wait", "100ms");
        out.println("Aptitude Router demo: starting an in-process Kafka broker (KRaft), a schema registry and the router...");
        try (RouterRuntime runtime = RouterRuntime.startEmbedded(options, demo)) {
            return new DemoCommand(out, runtime).play();
        } catch (RuntimeException e) {
            out.println("demo: failed: " + e);
            return 1;
        }
    }

    private int play() {
        BatchProperties batch = runtime.context().getBean(BatchProperties.class);
        CapabilitySet zoo = awaitZoo();
        out.printf("Router up (http://localhost:%d/models). Zoo: %d models, capability set v%d. Batches: up to %d "
                + "instructions or %d ms.%n%n", runtime.httpPort(), zoo.size(), zoo.version(), batch.getMaxSize(),
                batch.getMaxWait().toMillis());

        List<SampleInstructions.Sample> samples = SampleInstructions.load();
        try (KafkaProducer<String, InstructionEvent> producer = producer(topics.instructions());
             TopicReader<String, RoutingDecision> decisions = new TopicReader<>(clients, topics.decisions());
             TopicReader<String, DeadLetter> deadLetters = new TopicReader<>(clients, topics.deadLetters())) {

            out.printf("1. Routing %d instructions against the zoo:%n", BEFORE_ONBOARDING);
            List<SampleInstructions.Sample> first = samples.subList(0, BEFORE_ONBOARDING);
            if (!routeAndExplain(producer, decisions, first)) {
                return 1;
            }

            Candidate newcomer = Newcomer.beating(capabilities.current(), Newcomer.MODEL_ID, 70.0);
            out.printf("%n2. Onboarding: publishing the aptitude-test results of '%s' to %s (no retraining)...%n",
                    newcomer.modelId(), topics.capabilities().name());
            long published = System.nanoTime();
            publish(newcomer);
            CapabilitySet withNewcomer = awaitModel(newcomer.modelId());
            out.printf("   routable after %d ms: capability set v%d, %d models; topic %s created%n",
                    (System.nanoTime() - published) / 1_000_000, withNewcomer.version(), withNewcomer.size(),
                    topics.routedTopicName(newcomer.modelId()));

            List<SampleInstructions.Sample> rest = samples.subList(BEFORE_ONBOARDING, samples.size());
            out.printf("%n3. Routing %d more instructions:%n", rest.size());
            int before = routedPerModel.getOrDefault(newcomer.modelId(), 0);
            if (!routeAndExplain(producer, decisions, rest)) {
                return 1;
            }
            int toNewcomer = routedPerModel.getOrDefault(newcomer.modelId(), 0) - before;
            try (TopicReader<String, InstructionEvent> routed =
                         new TopicReader<>(clients, topics.routed(newcomer.modelId()))) {
                int arrived = routed.readAtLeast(toNewcomer, WAIT).size();
                out.printf("   %d of %d went to %s; its topic %s holds %d instructions%n", toNewcomer, rest.size(),
                        newcomer.modelId(), topics.routedTopicName(newcomer.modelId()), arrived);
            }

            out.printf("%n4. Unusable input goes to %s, and the stream goes on:%n", topics.deadLetters().name());
            producer.send(new ProducerRecord<>(topics.instructions().name(), "demo-empty",
                    instruction("demo-empty", "   ")));
            producer.flush();
            sendRaw("demo-garbage", "this is not Avro".getBytes(StandardCharsets.UTF_8));
            for (ConsumerRecord<String, DeadLetter> letter : deadLetters.readAtLeast(2, WAIT)) {
                out.printf("   %-12s -> %s: %s%n", letter.key(), letter.value().getReason(),
                        abbreviate(letter.value().getMessage(), 70));
            }
        }
        out.printf("%nRouted per model: %s%nDone.%n", routedPerModel);
        return 0;
    }

    /** Sends the samples, then prints each decision as it is committed; false if some never arrive. */
    private boolean routeAndExplain(KafkaProducer<String, InstructionEvent> producer,
                                    TopicReader<String, RoutingDecision> decisions,
                                    List<SampleInstructions.Sample> samples) {
        Map<String, SampleInstructions.Sample> waiting = new LinkedHashMap<>();
        for (SampleInstructions.Sample sample : samples) {
            waiting.put(sample.id(), sample);
            producer.send(new ProducerRecord<>(topics.instructions().name(), sample.id(),
                    instruction(sample.id(), sample.text())));
        }
        producer.flush();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!waiting.isEmpty() && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, RoutingDecision> record : decisions.poll(Duration.ofMillis(100))) {
                SampleInstructions.Sample sample = waiting.remove(record.value().getInstruction().getId());
                if (sample != null) {
                    explain(sample, record.value());
                }
            }
        }
        if (!waiting.isEmpty()) {
            out.printf("   no decision within %d s for %s%n", WAIT.toSeconds(), waiting.keySet());
            return false;
        }
        return true;
    }

    private void explain(SampleInstructions.Sample sample, RoutingDecision decision) {
        routedPerModel.merge(decision.getModelId(), 1, Integer::sum);
        List<ScoredModel> alternatives = decision.getAlternatives();
        String runnerUp = alternatives.isEmpty() ? "none"
                : String.format("%s (p=%.3f)", alternatives.get(0).getModelId(), alternatives.get(0).getProbability());
        out.printf("   %-8s %-17s -> %-28s p=%.3f  runner-up %s  [%s, set v%d]%n", sample.id(), sample.subject(),
                decision.getModelId(), decision.getProbability(), runnerUp, decision.getPolicy(),
                decision.getCapabilitySetVersion());
    }

    private CapabilitySet awaitZoo() {
        return awaitCapabilities(set -> !set.routable().isEmpty(), "the bundled zoo");
    }

    private CapabilitySet awaitModel(String modelId) {
        return awaitCapabilities(set -> set.contains(modelId), modelId);
    }

    private CapabilitySet awaitCapabilities(Predicate<CapabilitySet> ready, String what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            CapabilitySet set = capabilities.current();
            if (ready.test(set)) {
                return set;
            }
            sleep(Duration.ofMillis(10));
        }
        throw new IllegalStateException("the router did not load " + what + " within " + WAIT.toSeconds() + " s");
    }

    private void publish(Candidate candidate) {
        try (KafkaProducer<String, ModelCapability> producer = producer(topics.capabilities())) {
            producer.send(new ProducerRecord<>(topics.capabilities().name(), candidate.modelId(),
                    CapabilityRecords.toRecord(candidate)));
        }
    }

    private void sendRaw(String key, byte[] value) {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(properties(), new ByteArraySerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topics.instructions().name(), key.getBytes(StandardCharsets.UTF_8), value));
        }
    }

    private <K, V> KafkaProducer<K, V> producer(TopicSpec<K, V> topic) {
        return new KafkaProducer<>(properties(), topic.keySerde().serializer(), topic.valueSerde().serializer());
    }

    private Properties properties() {
        Properties properties = new Properties();
        properties.putAll(clients);
        return properties;
    }

    private static InstructionEvent instruction(String id, String text) {
        return InstructionEvent.newBuilder()
                .setId(id)
                .setText(text)
                .setSubmittedAt(Instant.now())
                .build();
    }

    private static String abbreviate(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length - 3) + "...";
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
