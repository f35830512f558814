package org.aptituderouter.loadtest.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.aptituderouter.core.Router;
import org.aptituderouter.core.RoutingOutcome;
import org.aptituderouter.core.RoutingRequest;
import org.aptituderouter.core.capability.CapabilitySet;

/**
 * The ceiling: how many instructions per second router-core alone routes, with no Kafka around it, in full
 * batches of the application's max size on as many threads as the application has stream threads. The pipeline
 * cannot beat this; the stepped load is offered as fractions of it.
 */
public final class CeilingProbe {

    /** Batches each thread routes, at least, while timed. */
    static final int MIN_BATCHES = 2;

    private final Router router;
    private final CapabilitySet zoo;
    private final List<String> texts;
    private final int batchSize;
    private final int threads;

    public CeilingProbe(Router router, CapabilitySet zoo, List<String> texts, int batchSize, int threads) {
        this.router = router;
        this.zoo = zoo;
        this.texts = List.copyOf(texts);
        this.batchSize = batchSize;
        this.threads = threads;
    }

    /**
     * Routes for {@code warmup} (JIT, ONNX Runtime's first-run allocations), then counts for {@code duration}.
     *
     * @return instructions routed per second
     */
    public double measure(Duration warmup, Duration duration) throws InterruptedException {
        AtomicLong cursor = new AtomicLong();
        runFor(warmup, cursor, 1);
        long started = System.nanoTime();
        long routed = runFor(duration, cursor, MIN_BATCHES);
        return routed / ((System.nanoTime() - started) / 1e9);
    }

    /**
     * Every thread routes whole batches until the time is up, and at least {@code minBatches} of them: on a slow
     * CPU one batch of long texts can take seconds, and a single timed batch would be a poor sample. Returns the
     * instructions routed.
     */
    private long runFor(Duration duration, AtomicLong cursor, int minBatches) throws InterruptedException {
        long deadline = System.nanoTime() + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> new Thread(r, "loadtest-ceiling"));
        try {
            List<Future<Long>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    long count = 0;
                    for (int batches = 1; ; batches++) {
                        count += routeBatch(cursor.getAndAdd(batchSize));
                        if (batches >= minBatches && System.nanoTime() >= deadline) {
                            return count;
                        }
                    }
                }));
            }
            long total = 0;
            for (Future<Long> worker : workers) {
                total += worker.get();
            }
            return total;
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "router-core failed while measuring the ceiling: "
                            + e.getCause().getMessage(),
                    e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private int routeBatch(long first) {
        List<RoutingRequest> batch = new ArrayList<>(batchSize);
        for (int i = 0; i < batchSize; i++) {
            long n = first + i;
            batch.add(RoutingRequest.of("ceiling-" + n, texts.get((int) (n % texts.size()))));
        }
        List<RoutingOutcome> outcomes = router.route(batch, zoo);
        for (RoutingOutcome outcome : outcomes) {
            if (outcome instanceof RoutingOutcome.Rejected rejected) {
                // a rejected text costs no inference and would inflate the ceiling
                throw new IllegalStateException(
                        "router-core rejected a benchmark text (" + rejected.reason() + "): " + rejected.message());
            }
        }
        return outcomes.size();
    }
}
