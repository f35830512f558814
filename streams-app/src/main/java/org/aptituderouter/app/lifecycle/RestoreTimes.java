package org.aptituderouter.app.lifecycle;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.StateRestoreListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs and measures each state store restore: after a crash under exactly-once, Kafka Streams rebuilds a task's
 * batch store from its changelog before the task routes again, so the restore is part of every recovery.
 */
public final class RestoreTimes implements StateRestoreListener {

    private static final Logger LOG = LoggerFactory.getLogger(RestoreTimes.class);

    /** Told of each finished restore: store name, records restored, seconds taken. */
    public interface Sink {
        void restored(String store, long records, double seconds);
    }

    private final Sink sink;
    private final Map<TopicPartition, Long> started = new ConcurrentHashMap<>();

    public RestoreTimes(Sink sink) {
        this.sink = sink;
    }

    @Override
    public void onRestoreStart(TopicPartition partition, String storeName, long startingOffset, long endingOffset) {
        started.put(partition, System.nanoTime());
    }

    @Override
    public void onBatchRestored(TopicPartition partition, String storeName, long batchEndOffset, long numRestored) {
        // the total is reported at the end
    }

    @Override
    public void onRestoreEnd(TopicPartition partition, String storeName, long totalRestored) {
        Long start = started.remove(partition);
        double seconds = start == null ? 0 : (System.nanoTime() - start) / 1e9;
        sink.restored(storeName, totalRestored, seconds);
        LOG.info(
                "Restored {} from {}: {} records in {} ms",
                storeName,
                partition,
                totalRestored,
                Math.round(seconds * 1000));
    }
}
