package org.aptituderouter.app.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.state.StoreBuilder;
import org.junit.jupiter.api.Test;

/** The batch store is a queue: its changelog must let compaction keep a restore short. */
class BatchStoreChangelogTest {

    @Test
    void theChangelogIsCompactedInShortSegmentsAndKeepsTombstonesBriefly() {
        BatchingRouteProcessorSupplier supplier = new BatchingRouteProcessorSupplier(
                "batch-store", 16, Duration.ofMillis(50), null, null, null, null, null, null, InstantSource.system());

        StoreBuilder<?> store = supplier.stores().iterator().next();

        assertThat(store.loggingEnabled()).isTrue();
        Map<String, String> config = store.logConfig();
        assertThat(config)
                .containsEntry(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
                .containsEntry(TopicConfig.SEGMENT_MS_CONFIG, "600000")
                .containsEntry(TopicConfig.DELETE_RETENTION_MS_CONFIG, "600000")
                .containsEntry(TopicConfig.MIN_CLEANABLE_DIRTY_RATIO_CONFIG, "0.1");
    }
}
