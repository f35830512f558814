package org.aptituderouter.loadtest.chaos;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.aptituderouter.app.capability.CapabilityRecords;
import org.aptituderouter.core.bundle.RouterBundle;
import org.aptituderouter.core.capability.Candidate;
import org.aptituderouter.loadtest.report.BenchEnvironment;
import org.aptituderouter.schemas.avro.DeadLetter;
import org.aptituderouter.schemas.avro.InstructionEvent;
import org.aptituderouter.schemas.avro.ModelCapability;
import org.aptituderouter.schemas.serde.AvroDeserializer;
import org.aptituderouter.schemas.serde.AvroSerializer;

/**
 * The chaos run: a broker, a registry and the router, each in a process of its own, under open-loop traffic with
 * poison interleaved; the router killed with SIGKILL and restarted, the broker restarted, a second instance killed
 * for good; then every record accounted for. Topic names are the router's defaults (application.yml).
 */
public final class ChaosScenario {

    static final String INSTRUCTIONS = "instructions";
    static final String CAPABILITIES = "model-capabilities";
    static final String ROUTED_PREFIX = "routed.";
    static final String DEAD_LETTERS = "instructions.dlq";
    static final String OUTCOMES = "model-outcomes";
    private static final Duration OUTCOMES_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(240);
    private static final long SETTLE_AFTER_JOIN_SECONDS = 15;

    private final ChaosPlan plan;
    private final Path workDir;
    private final List<String> texts;
    private final PrintStream out;
    private final Random random;
    private final ChaosLedger ledger = new ChaosLedger();
    private final List<ChaosEvent> events = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private final List<RouterProcess> routers = new ArrayList<>();
    private long startNanos;
    private int unexpectedExits;
    private long capabilityPoisonCount;
    private long capabilityRecordsSent;
    private long capabilityTombstones;
    private final List<String> capabilityPoisonKeys = new ArrayList<>();

    /**
     * @param workDir where the processes keep their logs, log directories and state (emptied first)
     * @param texts   good instruction texts, used in turn
     */
    public ChaosScenario(ChaosPlan plan, Path workDir, List<String> texts, PrintStream out) {
        if (texts.isEmpty()) {
            throw new IllegalArgumentException("the chaos run needs at least one instruction text");
        }
        this.plan = plan;
        this.workDir = workDir;
        this.texts = List.copyOf(texts);
        this.out = out;
        this.random = new Random(plan.seed());
    }

    public ChaosReport run() {
        emptyWorkDir();
        long runStart = System.nanoTime();
        try (RegistryProcess registry = RegistryProcess.start(workDir.resolve("registry"));
                BrokerProcess broker = BrokerProcess.start(workDir.resolve("broker"))) {
            out.printf("chaos: broker at %s, registry at %s%n", broker.bootstrapServers(), registry.url());
            Map<String, Object> client = clientConfig(broker, registry);
            RouterProcess first = new RouterProcess(
                    "a", workDir.resolve("router-a"), broker.bootstrapServers(), registry.url(), List.of());
            routers.add(first);
            first.start();
            try (Admin admin = Admin.create(
                            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
                    KafkaProducer<String, byte[]> capabilityProducer = capabilityProducer(client)) {
                awaitTopics(admin, first);
                AvroSerializer<ModelCapability> capabilitySerializer = serializer(client);
                List<Candidate> zoo = RouterBundle.bundled().zoo();
                for (Candidate candidate : zoo) {
                    sendCapability(
                            capabilityProducer,
                            candidate.modelId(),
                            capabilitySerializer.serialize(CAPABILITIES, CapabilityRecords.toRecord(candidate)));
                }
                AvroSerializer<InstructionEvent> instructionSerializer = serializer(client);
                PoisonRecords poison = new PoisonRecords(
                        instructionSerializer,
                        INSTRUCTIONS,
                        capabilitySerializer,
                        CAPABILITIES,
                        CapabilityRecords.toRecord(zoo.get(0)),
                        plan.seed());
                for (CapabilityPoisonKind kind : CapabilityPoisonKind.values()) {
                    publishCapabilityPoison(capabilityProducer, poison, kind);
                }
                awaitReady(first);
                int partitions = admin.describeTopics(List.of(INSTRUCTIONS))
                        .allTopicNames()
                        .get()
                        .get(INSTRUCTIONS)
                        .partitions()
                        .size();
                out.printf(
                        "chaos: router a ready; %d models, %d partitions; traffic at %.0f/s, every %d-th poison%n",
                        zoo.size(), partitions, plan.ratePerSecond(), plan.poisonEvery());
                AvroDeserializer<DeadLetter> deadLetters = new AvroDeserializer<>(DeadLetter.class);
                deadLetters.configure(client, false);
                ChaosGrader grader = new ChaosGrader(client, OUTCOMES, serializer(client));
                try (ChaosCollector collector =
                        new ChaosCollector(client, ROUTED_PREFIX, DEAD_LETTERS, deadLetters, ledger, grader).start()) {
                    ChaosTraffic traffic = new ChaosTraffic(
                            client,
                            INSTRUCTIONS,
                            instructionSerializer,
                            poison,
                            ledger,
                            texts,
                            plan.ratePerSecond(),
                            plan.poisonEvery());
                    startNanos = System.nanoTime();
                    traffic.start();
                    RouterProcess survivor = faults(first, broker, registry, partitions, capabilityProducer, poison);
                    traffic.close();
                    drain(collector);
                    collector.checkHealthy();
                    grader.close(); // every routed instruction has been graded: the traffic has stopped and drained
                    Map<String, Long> counted = awaitOutcomes(survivor, grader.acknowledged());
                    return report(survivor, admin, traffic.failures(), runStart, grader, counted);
                } finally {
                    routers.forEach(RouterProcess::close);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the chaos run was interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "the chaos run could not read the cluster: " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** The kills, the broker restart, the takeover and the replacement; returns the instance left routing. */
    private RouterProcess faults(
            RouterProcess first,
            BrokerProcess broker,
            RegistryProcess registry,
            int partitions,
            KafkaProducer<String, byte[]> capabilityProducer,
            PoisonRecords poison) {
        int brokerAfter = Math.max(1, plan.kills() / 2);
        CapabilityPoisonKind[] capabilityKinds = CapabilityPoisonKind.values();
        for (int k = 1; k <= plan.kills(); k++) {
            pause(first);
            publishCapabilityPoison(
                    capabilityProducer,
                    poison,
                    capabilityKinds[(int) (capabilityPoisonCount % capabilityKinds.length)]);
            long inFlight = ledger.inFlight();
            long kill = System.nanoTime();
            first.kill();
            first.start();
            record(ChaosEvent.KILL_RESTART, first.name(), kill, inFlight, partitions, first);
            if (k == brokerAfter && plan.brokerRestarts() > 0) {
                restartBroker(broker, partitions, first);
            }
        }
        if (plan.kills() == 0 && plan.brokerRestarts() > 0) {
            restartBroker(broker, partitions, first);
        }
        if (!plan.secondInstance()) {
            return first;
        }
        RouterProcess second = new RouterProcess(
                "b", workDir.resolve("router-b"), broker.bootstrapServers(), registry.url(), List.of());
        routers.add(second);
        second.start();
        awaitReady(second);
        out.printf("chaos: router b ready; letting the group settle for %d s%n", SETTLE_AFTER_JOIN_SECONDS);
        Sleep.millis(TimeUnit.SECONDS.toMillis(SETTLE_AFTER_JOIN_SECONDS));
        long inFlight = ledger.inFlight();
        long kill = System.nanoTime();
        second.kill();
        record(ChaosEvent.KILL_TAKEOVER, second.name(), kill, inFlight, partitions, first);
        // the worst restore: a new instance on an empty disk (a pod rescheduled without its volume) must read every
        // store back from its changelog, after the whole run's traffic
        pause(first);
        RouterProcess replacement = new RouterProcess(
                "c", workDir.resolve("router-c"), broker.bootstrapServers(), registry.url(), List.of());
        routers.add(replacement);
        inFlight = ledger.inFlight();
        kill = System.nanoTime();
        first.kill();
        replacement.start();
        record(ChaosEvent.REPLACED_ON_EMPTY_STATE, first.name(), kill, inFlight, partitions, replacement);
        return replacement;
    }

    private void restartBroker(BrokerProcess broker, int partitions, RouterProcess router) {
        pause(router);
        long inFlight = ledger.inFlight();
        long stop = System.nanoTime();
        broker.restart();
        record(ChaosEvent.BROKER_RESTART, "broker", stop, inFlight, partitions, router);
    }

    /** Waits a random gap, restarting the router if it was found gone (which the report counts against it). */
    private void pause(RouterProcess router) {
        long gap = plan.minGap().toMillis()
                + (long) (random.nextDouble()
                        * (plan.maxGap().toMillis() - plan.minGap().toMillis()));
        Sleep.millis(gap);
        checkAlive(router);
    }

    private void checkAlive(RouterProcess router) {
        if (!router.alive()) {
            unexpectedExits++;
            failures.add("router " + router.name() + " stopped on its own (exit code " + router.exitCode() + "); see "
                    + router.log());
            router.start();
        }
    }

    private void record(
            String kind, String target, long faultNanos, long inFlight, int partitions, RouterProcess survivor) {
        long deadline = faultNanos + plan.recoveryTimeout().toNanos();
        double recovery = -1;
        while (System.nanoTime() < deadline) {
            recovery = ledger.recoverySeconds(faultNanos, partitions);
            if (recovery >= 0) {
                break;
            }
            Sleep.millis(200);
            if (!survivor.alive()) {
                checkAlive(survivor);
            }
        }
        double restoreSeconds = -1;
        long restoreRecords = -1;
        if (!kind.equals(ChaosEvent.BROKER_RESTART)) {
            String metrics = survivor.prometheus().orElse("");
            restoreSeconds = PrometheusText.max(metrics, "router_state_restore_seconds_max")
                    .orElse(-1);
            restoreRecords = (long) PrometheusText.max(metrics, "router_state_restore_records_max")
                    .orElse(-1);
        }
        ChaosEvent event = new ChaosEvent(
                kind, target, (faultNanos - startNanos) / 1e9, inFlight, recovery, restoreSeconds, restoreRecords);
        events.add(event);
        if (!event.recovered()) {
            failures.add(kind + " of " + target + " at " + Math.round(event.atSeconds()) + " s: routing did not "
                    + "resume on every partition within "
                    + plan.recoveryTimeout().toSeconds() + " s");
        }
        out.printf(
                "chaos: %-21s %-7s at %6.1f s, %3d in flight, routing on every partition again after %s%s%n",
                kind,
                target,
                event.atSeconds(),
                inFlight,
                event.recovered() ? String.format("%.1f s", recovery) : "(not within the timeout)",
                restoreSeconds < 0
                        ? ""
                        : String.format("; slowest restore %.2f s (%d records)", restoreSeconds, restoreRecords));
    }

    private void publishCapabilityPoison(
            KafkaProducer<String, byte[]> producer, PoisonRecords poison, CapabilityPoisonKind kind) {
        String key = kind.key(capabilityPoisonCount++);
        sendCapability(producer, key, poison.capability(kind, key));
        if (kind.invalid()) {
            capabilityRecordsSent++;
            capabilityPoisonKeys.add(key);
        } else {
            capabilityTombstones++;
        }
    }

    private static void sendCapability(KafkaProducer<String, byte[]> producer, String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(CAPABILITIES, key, value)).get(120, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish the capability record of " + key + ": " + e, e);
        }
    }

    private void drain(ChaosCollector collector) {
        long deadline = System.nanoTime() + plan.drainTimeout().toNanos();
        while (!ledger.settled() && System.nanoTime() < deadline) {
            collector.checkHealthy();
            Sleep.millis(250);
        }
    }

    /**
     * Waits until the surviving instance's evidence counts every acknowledged outcome; returns what it counts at the
     * end (a shortfall or an excess is reported as a failure).
     */
    private Map<String, Long> awaitOutcomes(RouterProcess survivor, Map<String, Long> sent) {
        long deadline = System.nanoTime() + OUTCOMES_TIMEOUT.toNanos();
        Map<String, Long> counted = survivor.liveOutcomes();
        while (!counted.equals(sent) && System.nanoTime() < deadline) {
            Sleep.millis(500);
            counted = survivor.liveOutcomes();
        }
        return counted;
    }

    private ChaosReport report(
            RouterProcess survivor,
            Admin admin,
            long sendFailures,
            long runStart,
            ChaosGrader grader,
            Map<String, Long> counted)
            throws InterruptedException, ExecutionException {
        checkAlive(survivor);
        List<String> zoo = survivor.modelIds();
        Set<String> topics = admin.listTopics().names().get();
        long rejected = capabilityPoisonKeys.stream()
                .filter(key -> !zoo.contains(key) && !topics.contains(ROUTED_PREFIX + key))
                .count();
        if (zoo.isEmpty()) {
            failures.add("router " + survivor.name() + " did not answer GET /models at the end");
        }
        if (rejected != capabilityRecordsSent) {
            failures.add((capabilityRecordsSent - rejected) + " invalid capability records joined the zoo");
        }
        String metrics = survivor.prometheus().orElse("");
        double invalidMetric =
                PrometheusText.sum(metrics, "router_capabilities_invalid_total").orElse(-1);
        double threadFailures = PrometheusText.sum(metrics, "router_stream_thread_failures_total")
                .orElse(0);
        ChaosLedger.Counts counts = ledger.counts();
        if (counts.missing() > 0) {
            failures.add(counts.missing() + " instructions missing");
        }
        if (counts.duplicates() > 0) {
            failures.add(counts.duplicates() + " records delivered more than once");
        }
        if (counts.goodDeadLettered() > 0) {
            failures.add(counts.goodDeadLettered() + " good instructions dead-lettered");
        }
        if (counts.poisonMisfiled() > 0 || counts.poisonMissing() > 0) {
            failures.add(counts.poisonMisfiled() + " poison records misfiled, " + counts.poisonMissing()
                    + " not dead-lettered");
        }
        if (counts.poisonByKind().size() < PoisonKind.values().length && plan.poisonEvery() > 0) {
            failures.add("only " + counts.poisonByKind().size() + " of " + PoisonKind.values().length
                    + " poison kinds were sent: run longer");
        }
        Map<String, Long> sent = grader.acknowledged();
        long outcomesSent = sent.values().stream().mapToLong(Long::longValue).sum();
        long outcomesCounted =
                counted.values().stream().mapToLong(Long::longValue).sum();
        if (!counted.equals(sent)) {
            failures.add("graded outcomes: " + outcomesSent + " acknowledged " + sent
                    + ", the routers' evidence counts " + outcomesCounted + " " + counted);
        }
        // every decision here was made by this router version with its text indexed: each counted outcome also
        // taught its model's correction (the two are kept in one record, so this catches outcomes left untaught)
        Map<String, Long> corrected = survivor.correctedOutcomes();
        long outcomesCorrected =
                corrected.values().stream().mapToLong(Long::longValue).sum();
        if (!corrected.equals(counted)) {
            failures.add("outcome corrections learned from " + outcomesCorrected + " outcomes " + corrected
                    + ", the evidence counts " + outcomesCounted + " " + counted);
        }
        if (grader.failures() > 0) {
            failures.add(grader.failures() + " graded outcomes were never acknowledged by the broker");
        }
        return new ChaosReport(
                plan,
                BenchEnvironment.detect("kafka.Kafka in its own JVM (KRaft, one node)"),
                (System.nanoTime() - runStart) / 1e9,
                routers.size(),
                List.copyOf(events),
                counts,
                sendFailures,
                capabilityRecordsSent,
                rejected,
                capabilityTombstones,
                invalidMetric,
                unexpectedExits,
                threadFailures,
                outcomesSent,
                outcomesCounted,
                outcomesCorrected,
                List.copyOf(failures));
    }

    /** The router creates its topics at start-up, before its streams run. */
    private static void awaitTopics(Admin admin, RouterProcess router) {
        router.await(
                () -> {
                    try {
                        return admin.listTopics()
                                .names()
                                .get(10, TimeUnit.SECONDS)
                                .containsAll(List.of(INSTRUCTIONS, CAPABILITIES, DEAD_LETTERS));
                    } catch (ExecutionException | TimeoutException e) {
                        return false;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted while waiting for the router's topics", e);
                    }
                },
                START_TIMEOUT);
    }

    private static void awaitReady(RouterProcess router) {
        router.await(router::ready, START_TIMEOUT);
    }

    private static Map<String, Object> clientConfig(BrokerProcess broker, RegistryProcess registry) {
        Map<String, Object> config = new HashMap<>();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        config.put("schema.registry.url", registry.url());
        config.put("auto.register.schemas", true);
        config.put("specific.avro.reader", true);
        return config;
    }

    private static <T> AvroSerializer<T> serializer(Map<String, Object> client) {
        AvroSerializer<T> serializer = new AvroSerializer<>();
        serializer.configure(client, false);
        return serializer;
    }

    private static KafkaProducer<String, byte[]> capabilityProducer(Map<String, Object> client) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, client.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG));
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "aptitude-router-chaos-capabilities");
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    private void emptyWorkDir() {
        try {
            if (Files.exists(workDir)) {
                try (Stream<Path> paths = Files.walk(workDir)) {
                    for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
            Files.createDirectories(workDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot empty the chaos work folder " + workDir + ": " + e.getMessage(), e);
        }
    }
}
