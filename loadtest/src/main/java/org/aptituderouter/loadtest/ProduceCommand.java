package org.aptituderouter.loadtest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.CommonClientConfigs;
import org.aptituderouter.loadtest.clock.BenchClock;
import org.aptituderouter.loadtest.generator.GeneratorResult;
import org.aptituderouter.loadtest.generator.KafkaInstructionSink;
import org.aptituderouter.loadtest.generator.OpenLoopGenerator;
import org.aptituderouter.loadtest.generator.SendSchedule;
import org.aptituderouter.schemas.avro.InstructionEvent;
import org.aptituderouter.schemas.serde.AvroSerde;
import org.aptituderouter.schemas.serde.AvroSerdeConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bin/router bench produce}: the open-loop generator alone against a running router's cluster, in the manner
 * of kafka-producer-perf-test (which cannot write the router's Avro records itself): a fixed rate for a number of
 * records, a progress line every few seconds, a summary at the end. Latency is then read from the router's
 * /prometheus endpoint.
 */
@Command(
        name = "produce",
        mixinStandardHelpOptions = true,
        description = "Sends InstructionEvents (Avro, Confluent wire format) at a fixed open-loop rate.")
final class ProduceCommand implements Callable<Integer> {

    private static final Duration REPORT_EVERY = Duration.ofSeconds(5);

    @Option(names = "--bootstrap-server", required = true, paramLabel = "HOST:PORT")
    String bootstrapServers;

    @Option(names = "--schema-registry-url", required = true, paramLabel = "URL")
    String registryUrl;

    @Option(names = "--topic", defaultValue = "instructions", description = "Default: ${DEFAULT-VALUE}.")
    String topic;

    @Option(names = "--throughput", required = true, paramLabel = "PER_S", description = "Records per second.")
    double throughput;

    @Option(names = "--num-records", required = true, paramLabel = "N")
    long records;

    @Option(names = "--texts", paramLabel = "FILE", description = "As for bench (default: the shared questions).")
    Path texts;

    @Option(names = "--data", paramLabel = "DIR", description = "Shared data directory.")
    Path data;

    @Option(names = "--run-id", description = "Prefix of the instruction ids (default: produce-<time>).")
    String runId;

    @Option(names = "--producer-prop", paramLabel = "KEY=VALUE", description = "Extra producer settings.")
    Map<String, String> producerProps = new LinkedHashMap<>();

    @Override
    public Integer call() throws Exception {
        Map<String, Object> config = new HashMap<>(producerProps);
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl);
        AvroSerde<InstructionEvent> serde = new AvroSerde<>(InstructionEvent.class);
        serde.configure(config, false);
        String run = runId != null ? runId : "produce-" + System.currentTimeMillis();
        BenchClock clock = BenchClock.system();
        AtomicLong started = new AtomicLong();
        ScheduledExecutorService reporter = Executors.newSingleThreadScheduledExecutor();
        try (KafkaInstructionSink sink = new KafkaInstructionSink(config, topic, serde.serializer())) {
            OpenLoopGenerator generator = new OpenLoopGenerator(
                    clock, sink, TextSource.resolve(texts, data).read(10_000), OpenLoopGenerator.DEFAULT_LATENESS);
            SendSchedule schedule = new SendSchedule(clock.nanoTime(), throughput, records);
            reporter.scheduleAtFixedRate(
                    () -> System.out.printf(
                            Locale.ROOT,
                            "%d records sent, %.1f records/sec%n",
                            started.get(),
                            started.get() / ((clock.nanoTime() - schedule.startNanos()) / 1e9)),
                    REPORT_EVERY.toMillis(),
                    REPORT_EVERY.toMillis(),
                    TimeUnit.MILLISECONDS);
            GeneratorResult result = generator.run(run, schedule, sequence -> {}, started::set);
            System.out.printf(
                    Locale.ROOT,
                    "%d records sent (%d acknowledged, %d failed), %.1f records/sec "
                            + "offered %.1f; %d sends late by more than an interval (max %.1f ms)%s; ids %s-0..%d%n",
                    result.scheduled(),
                    result.acknowledged(),
                    result.failed(),
                    result.sendRate(),
                    result.offeredPerSecond(),
                    result.lateSends(),
                    result.maxLagMs(),
                    result.fellBehind() ? ": the generator could not keep the rate" : "",
                    run,
                    records - 1);
            return result.failed() == 0 ? 0 : 1;
        } finally {
            reporter.shutdownNow();
        }
    }
}
