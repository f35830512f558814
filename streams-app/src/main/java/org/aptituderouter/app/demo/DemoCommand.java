package org.aptituderouter.app.demo;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.aptituderouter.app.RouterRuntime;
import org.aptituderouter.app.capability.CapabilityRecords;
import org.aptituderouter.app.capability.LiveCapabilities;
import org.aptituderouter.app.config.BatchProperties;
import org.aptituderouter.app.config.PolicyProperties;
import org.aptituderouter.app.topics.RouterTopics;
import org.aptituderouter.app.topics.TopicReader;
import org.aptituderouter.app.topics.TopicSpec;
import org.aptituderouter.core.capability.Candidate;
import org.aptituderouter.core.capability.CapabilitySet;
import org.aptituderouter.core.capability.Newcomer;
import org.aptituderouter.schemas.avro.DeadLetter;
import org.aptituderouter.schemas.avro.InstructionEvent;
import org.aptituderouter.schemas.avro.ModelCapability;
import org.aptituderouter.schemas.avro.PolicyType;
import org.aptituderouter.schemas.avro.RoutingConstraints;
import org.aptituderouter.schemas.avro.RoutingDecision;

/**
 * {@code bin/router demo}: the router end to end in one process, on one screen. An in-process broker and registry
 * with the bundled zoo; sample instructions of different kinds, each routed under the default policy and under a
 * cost-aware one, with a summary per policy (models chosen, expected accuracy, cost against the best single model);
 * a new model published mid-stream and traffic reaching it; unusable input dead-lettered; then exit.
 */
public final class DemoCommand {

    private static final Duration WAIT = Duration.ofSeconds(60);
    /** Instructions routed under both policies; the rest are sent after the newcomer joins. */
    private static final int BEFORE_ONBOARDING = 12;

    private static final String COST_SUFFIX = "-cost";
    /** The model that joins mid-demo. */
    static final String NEWCOMER = "newcomer-demo-1";

    private final PrintStream out;
    private final RouterRuntime runtime;
    private final RouterTopics topics;
    private final LiveCapabilities capabilities;
    private final Map<String, Object> clients;

    private DemoCommand(PrintStream out, RouterRuntime runtime) {
        this.out = out;
        this.runtime = runtime;
        this.topics = runtime.context().getBean(RouterTopics.class);
        this.capabilities = runtime.context().getBean(LiveCapabilities.class);
        this.clients = runtime.clientConfig();
    }

    public static int run(String[] options) {
        return run(options, System.out);
    }

    /** Runs the demo, printing its story to {@code out}; returns the exit status. */
    public static int run(String[] options, PrintStream out) {
        Map<String, Object> demo = new LinkedHashMap<>();
        demo.put("micronaut.server.port", -1);
        demo.put("kafka.streams.default.application.id", "aptitude-router-demo");
        demo.put("router.batch.max-size", 8);
        demo.put("router.batch.max-wait", "100ms");
        out.println("Aptitude Router demo: starting an in-process Kafka broker (KRaft), a schema registry and the "
                + "router...");
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
        out.printf(
                "Router up (http://localhost:%d/models): %d models, capability set v%d; batches of up to %d "
                        + "instructions or %d ms.%n%n",
                runtime.httpPort(),
                zoo.size(),
                zoo.version(),
                batch.getMaxSize(),
                batch.getMaxWait().toMillis());

        List<SampleInstructions.Sample> samples = SampleInstructions.load();
        try (KafkaProducer<String, InstructionEvent> producer = producer(topics.instructions());
                TopicReader<String, RoutingDecision> decisions = new TopicReader<>(clients, topics.decisions());
                TopicReader<String, DeadLetter> deadLetters = new TopicReader<>(clients, topics.deadLetters())) {

            List<SampleInstructions.Sample> first = samples.subList(0, BEFORE_ONBOARDING);
            out.printf(
                    "1. %d instructions of different kinds, each routed twice: under the default policy (quality: "
                            + "the model%n   most likely to answer well) and a cost-aware one (cost: the highest p - %s x "
                            + "cost). p = the router's%n   probability that the model answers correctly; cost per "
                            + "instruction from the capability records.%n",
                    first.size(),
                    runtime.context().getBean(PolicyProperties.class).getLambda());
            Map<String, RoutingDecision> routed = route(producer, decisions, first, true);
            if (routed == null) {
                return 1;
            }
            out.printf("   %-8s %-17s %-38s %s%n", "", "", "quality policy", "cost policy");
            for (SampleInstructions.Sample sample : first) {
                RoutingDecision quality = routed.get(sample.id());
                RoutingDecision cost = routed.get(sample.id() + COST_SUFFIX);
                out.printf("   %-8s %-17s %-38s %s%n", sample.id(), sample.subject(), choice(quality), choice(cost));
            }
            List<RoutingDecision> byQuality =
                    first.stream().map(sample -> routed.get(sample.id())).toList();
            List<RoutingDecision> byCost = first.stream()
                    .map(sample -> routed.get(sample.id() + COST_SUFFIX))
                    .toList();
            out.println();
            summarise(PolicySummary.of("quality", byQuality, capabilities.current()));
            summarise(PolicySummary.of("cost", byCost, capabilities.current()));

            Candidate newcomer = Newcomer.beating(capabilities.current(), NEWCOMER, 70.0);
            out.printf(
                    "%n2. Onboarding: publishing the aptitude-test results of '%s' to %s (no retraining)...%n",
                    newcomer.modelId(), topics.capabilities().name());
            long published = System.nanoTime();
            publish(newcomer);
            CapabilitySet withNewcomer = awaitModel(newcomer.modelId());
            out.printf(
                    "   routable after %d ms: capability set v%d, %d models; topic %s created%n",
                    (System.nanoTime() - published) / 1_000_000,
                    withNewcomer.version(),
                    withNewcomer.size(),
                    topics.routedTopicName(newcomer.modelId()));
            List<SampleInstructions.Sample> rest = samples.subList(BEFORE_ONBOARDING, samples.size());
            Map<String, RoutingDecision> after = route(producer, decisions, rest, false);
            if (after == null) {
                return 1;
            }
            for (SampleInstructions.Sample sample : rest) {
                out.printf("   %-8s %-17s %s%n", sample.id(), sample.subject(), choice(after.get(sample.id())));
            }
            long toNewcomer = after.values().stream()
                    .filter(d -> d.getModelId().equals(newcomer.modelId()))
                    .count();
            try (TopicReader<String, InstructionEvent> topic =
                    new TopicReader<>(clients, topics.routed(newcomer.modelId()))) {
                int arrived = topic.readAtLeast((int) toNewcomer, WAIT).size();
                out.printf(
                        "   %d of %d went to %s (quality policy); its topic holds %d instructions%n",
                        toNewcomer, rest.size(), newcomer.modelId(), arrived);
            }

            out.printf(
                    "%n3. Unusable input goes to %s, and the stream goes on:%n",
                    topics.deadLetters().name());
            producer.send(new ProducerRecord<>(
                    topics.instructions().name(), "demo-empty", instruction("demo-empty", "   ", null)));
            producer.flush();
            sendRaw("demo-garbage", "this is not Avro".getBytes(StandardCharsets.UTF_8));
            for (ConsumerRecord<String, DeadLetter> letter : deadLetters.readAtLeast(2, WAIT)) {
                out.printf(
                        "   %-12s -> %s: %s%n",
                        letter.key(),
                        letter.value().getReason(),
                        abbreviate(letter.value().getMessage(), 70));
            }
        }
        out.printf(
                "%nDone. Decisions, with alternatives and versions, are on %s; GET /models shows the zoo.%n",
                topics.decisions().name());
        return 0;
    }

    private void summarise(PolicySummary summary) {
        String models = summary.chosen().entrySet().stream()
                .map(e -> e.getKey() + " x" + e.getValue())
                .collect(Collectors.joining(", "));
        out.printf(
                "   %-8s %d model(s): %s%n",
                summary.policy() + ":", summary.chosen().size(), abbreviate(models, 96));
        out.printf(
                "   %-8s expected accuracy %.1f%%, mean cost %.1f (%s alone: %.1f): %s%n",
                "",
                100 * summary.expected(),
                summary.meanCost(),
                summary.bestSingle(),
                summary.bestSingleCost(),
                summary.saving() > 0.005
                        ? String.format("saves %.0f%%", 100 * summary.saving())
                        : summary.saving() < -0.005
                                ? String.format("costs %.0f%% more", -100 * summary.saving())
                                : "the same cost");
    }

    private static String choice(RoutingDecision decision) {
        String spilled = decision.getSpilledFrom() == null ? "" : " (spilled)";
        return String.format("-> %s (p %.2f)%s", decision.getModelId(), decision.getProbability(), spilled);
    }

    /**
     * Sends the samples (and, when {@code alsoCost}, each again under the cost policy, with {@code -cost} ids) and
     * collects their committed decisions by instruction id; null (after saying so) if some never arrive.
     */
    private Map<String, RoutingDecision> route(
            KafkaProducer<String, InstructionEvent> producer,
            TopicReader<String, RoutingDecision> decisions,
            List<SampleInstructions.Sample> samples,
            boolean alsoCost) {
        Set<String> waiting = new LinkedHashSet<>();
        for (SampleInstructions.Sample sample : samples) {
            send(producer, sample.id(), sample.text(), null, waiting);
            if (alsoCost) {
                // lambda unset: the router's router.policy.lambda
                RoutingConstraints cost = RoutingConstraints.newBuilder()
                        .setPolicy(PolicyType.COST)
                        .build();
                send(producer, sample.id() + COST_SUFFIX, sample.text(), cost, waiting);
            }
        }
        producer.flush();
        Map<String, RoutingDecision> found = new HashMap<>();
        decisions.awaitKeys(waiting, WAIT).forEach((id, list) -> found.put(id, list.get(0)));
        if (found.size() < waiting.size()) {
            out.printf(
                    "   no decision within %d s for %s%n",
                    WAIT.toSeconds(),
                    waiting.stream().filter(id -> !found.containsKey(id)).toList());
            return null;
        }
        return found;
    }

    private void send(
            KafkaProducer<String, InstructionEvent> producer,
            String id,
            String text,
            RoutingConstraints constraints,
            Set<String> waiting) {
        waiting.add(id);
        producer.send(new ProducerRecord<>(topics.instructions().name(), id, instruction(id, text, constraints)));
    }

    /** The whole zoo the embedded cluster seeded from the bundle, not just its first records. */
    private CapabilitySet awaitZoo() {
        try {
            runtime.awaitRouting(WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        return capabilities.current();
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
            producer.send(new ProducerRecord<>(
                    topics.capabilities().name(), candidate.modelId(), CapabilityRecords.toRecord(candidate)));
        }
    }

    private void sendRaw(String key, byte[] value) {
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(properties(), new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(
                    new ProducerRecord<>(topics.instructions().name(), key.getBytes(StandardCharsets.UTF_8), value));
        }
    }

    private <K, V> KafkaProducer<K, V> producer(TopicSpec<K, V> topic) {
        return new KafkaProducer<>(
                properties(), topic.keySerde().serializer(), topic.valueSerde().serializer());
    }

    private Properties properties() {
        Properties properties = new Properties();
        properties.putAll(clients);
        return properties;
    }

    private static InstructionEvent instruction(String id, String text, RoutingConstraints constraints) {
        return InstructionEvent.newBuilder()
                .setId(id)
                .setText(text)
                .setSubmittedAt(Instant.now())
                .setConstraints(constraints)
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
