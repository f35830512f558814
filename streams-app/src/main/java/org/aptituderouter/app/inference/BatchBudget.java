package org.aptituderouter.app.inference;

import io.micronaut.configuration.kafka.streams.ConfiguredStreamBuilder;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.aptituderouter.app.config.BatchProperties;
import org.aptituderouter.app.config.InferenceProperties;
import org.aptituderouter.core.Router;
import org.aptituderouter.core.RoutingRequest;
import org.aptituderouter.core.aptitude.AptitudeTest;
import org.aptituderouter.core.capability.Candidate;
import org.aptituderouter.core.capability.CapabilitySet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures, before the streams start, how long the worst batch could take and compares it with the time a stream
 * thread has: {@code max.poll.interval.ms}, and with exactly-once also {@code transaction.timeout.ms} (Kafka Streams
 * defaults it to 10 s), since a batch is routed inside the open transaction. The worst batch is
 * {@code router.batch.max-size} instructions of {@code router.inference.max-tokens} tokens, plus the record-by-record
 * retry the router falls back to when a batch call fails. Over half the limit draws a warning that says what to
 * lower. The measurement also warms ONNX Runtime up, so the first real batch is not the slow one. It runs beside
 * the streams' start ({@link #checkInBackground}), not before it: a restarted instance takes its partitions back
 * without waiting a second or two for a warning it printed last time too.
 */
@Singleton
public class BatchBudget {

    private static final Logger LOG = LoggerFactory.getLogger(BatchBudget.class);
    /** Candidates in the synthetic zoo: about the size of the bundled one, rounded up. */
    private static final int SYNTHETIC_ZOO = 32;

    private static final long STREAMS_EOS_TRANSACTION_TIMEOUT_MS = 10_000;

    private final Router router;
    private final AptitudeTest test;
    private final BatchProperties batch;
    private final InferenceProperties inference;
    private final ConfiguredStreamBuilder builder;

    public BatchBudget(
            Router router,
            AptitudeTest test,
            BatchProperties batch,
            InferenceProperties inference,
            ConfiguredStreamBuilder builder) {
        this.router = router;
        this.test = test;
        this.batch = batch;
        this.inference = inference;
        this.builder = builder;
    }

    /** Runs {@link #check} on a daemon thread of its own; a failure there is logged, never thrown. */
    public void checkInBackground() {
        Thread thread = new Thread(
                () -> {
                    try {
                        check();
                    } catch (RuntimeException e) {
                        LOG.warn("Could not time a worst-case batch: {}", e.toString());
                    }
                },
                "router-batch-budget");
        thread.setDaemon(true);
        thread.start();
    }

    public void check() {
        long limitMs = limitMs(builder.getConfiguration());
        CapabilitySet zoo = syntheticZoo();
        String longest = "word ".repeat(inference.getMaxTokens());
        List<RoutingRequest> worst = new ArrayList<>();
        for (int i = 0; i < batch.getMaxSize(); i++) {
            worst.add(RoutingRequest.of("budget-" + i, longest));
        }
        router.route(List.of(RoutingRequest.of("warm-up", longest)), zoo);
        long batchMs = timeMs(() -> router.route(worst, zoo));
        long singleMs = timeMs(() -> router.route(List.of(worst.get(0)), zoo));
        long worstMs = batchMs + batch.getMaxSize() * singleMs;
        if (worstMs > limitMs / 2) {
            LOG.warn(
                    "A worst-case batch may take {} ms ({} instructions of {} tokens: {} ms, plus {} ms per instruction "
                            + "if the batch must be retried one by one), more than half of the {} ms a stream thread "
                            + "has: lower router.batch.max-size or router.inference.max-tokens, or raise "
                            + "max.poll.interval.ms / transaction.timeout.ms under kafka.streams.default",
                    worstMs,
                    batch.getMaxSize(),
                    inference.getMaxTokens(),
                    batchMs,
                    singleMs,
                    limitMs);
        } else {
            LOG.info(
                    "Worst-case batch about {} ms ({} x {} tokens), within the {} ms a stream thread has",
                    worstMs,
                    batch.getMaxSize(),
                    inference.getMaxTokens(),
                    limitMs);
        }
    }

    static long limitMs(Properties streams) {
        long poll = Long.parseLong(value(streams, ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, "300000"));
        String guarantee = value(streams, StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
        if (!guarantee.startsWith("exactly_once")) {
            return poll;
        }
        String transaction = value(
                streams,
                StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG),
                value(
                        streams,
                        ProducerConfig.TRANSACTION_TIMEOUT_CONFIG,
                        Long.toString(STREAMS_EOS_TRANSACTION_TIMEOUT_MS)));
        return Math.min(poll, Long.parseLong(transaction));
    }

    /** Configuration values arrive as strings or numbers, depending on where they were set. */
    private static String value(Properties properties, String key, String fallback) {
        Object value = properties.get(key);
        return value == null ? fallback : value.toString().trim();
    }

    private CapabilitySet syntheticZoo() {
        float[] middling = new float[test.dimension()];
        Arrays.fill(middling, 0.5f);
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < SYNTHETIC_ZOO; i++) {
            candidates.add(new Candidate("budget-model-" + i, test.id(), middling, 1.0));
        }
        return CapabilitySet.empty(test).withAll(candidates);
    }

    private static long timeMs(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1_000_000;
    }
}
