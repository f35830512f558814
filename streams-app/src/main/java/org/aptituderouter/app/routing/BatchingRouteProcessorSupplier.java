package org.aptituderouter.app.routing;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.aptituderouter.app.capability.LiveCapabilities;
import org.aptituderouter.app.metrics.RouterMetrics;
import org.aptituderouter.core.BatchRouter;

/** One {@link BatchingRouteProcessor} per stream task, each with its own changelogged batch store. */
public final class BatchingRouteProcessorSupplier implements ProcessorSupplier<byte[], byte[], byte[], RouterOutput> {

    private final String storeName;
    private final int maxSize;
    private final Duration maxWait;
    private final TransactionBudget budget;
    private final InstructionDecoder decoder;
    private final RoutingRequests requests;
    private final BatchRouter router;
    private final LiveCapabilities capabilities;
    private final RouterMetrics metrics;
    private final InstantSource clock;

    public BatchingRouteProcessorSupplier(
            String storeName,
            int maxSize,
            Duration maxWait,
            TransactionBudget budget,
            InstructionDecoder decoder,
            RoutingRequests requests,
            BatchRouter router,
            LiveCapabilities capabilities,
            RouterMetrics metrics,
            InstantSource clock) {
        this.storeName = storeName;
        this.maxSize = maxSize;
        this.maxWait = maxWait;
        this.budget = budget;
        this.decoder = decoder;
        this.requests = requests;
        this.router = router;
        this.capabilities = capabilities;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public Processor<byte[], byte[], byte[], RouterOutput> get() {
        return new BatchingRouteProcessor(
                storeName, maxSize, maxWait, budget, decoder, requests, router, capabilities, metrics, clock);
    }

    /**
     * The store's changelog, beyond Kafka Streams' default (compacted): the store is a queue, every record written
     * then deleted, so with the default 1 GB / 7-day segments a restore after a crash would read days of writes and
     * their tombstones. Segments roll every 10 minutes, tombstones are kept 10 minutes, and compaction starts once a
     * tenth of the log is dirty, so a restore reads about what is buffered plus the last minutes' churn.
     */
    static final Map<String, String> CHANGELOG_CONFIG = Map.of(
            TopicConfig.CLEANUP_POLICY_CONFIG,
            TopicConfig.CLEANUP_POLICY_COMPACT,
            TopicConfig.SEGMENT_MS_CONFIG,
            Long.toString(Duration.ofMinutes(10).toMillis()),
            TopicConfig.DELETE_RETENTION_MS_CONFIG,
            Long.toString(Duration.ofMinutes(10).toMillis()),
            TopicConfig.MIN_CLEANABLE_DIRTY_RATIO_CONFIG,
            "0.1");

    /** Persistent and logged: the store is the only place an unflushed instruction lives. */
    @Override
    public Set<StoreBuilder<?>> stores() {
        StoreBuilder<KeyValueStore<Long, PendingInstruction>> store = Stores.keyValueStoreBuilder(
                        Stores.persistentKeyValueStore(storeName), Serdes.Long(), new PendingInstructionSerde())
                .withLoggingEnabled(CHANGELOG_CONFIG);
        return Set.of(store);
    }
}
