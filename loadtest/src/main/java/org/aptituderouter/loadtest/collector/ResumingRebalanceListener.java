package org.aptituderouter.loadtest.collector;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;

/**
 * Positions the collector's consumer without committed offsets. A partition seen for the first time starts at the
 * first record written since the collector started (so a routed topic created mid-run, for a model that just
 * joined, loses nothing, and a shared cluster's history is skipped); a partition assigned again after a rebalance
 * (pattern subscriptions rebalance whenever a topic appears) resumes where this consumer left it, so no record is
 * read twice and taken for a duplicate delivery.
 */
public final class ResumingRebalanceListener implements ConsumerRebalanceListener {

    private final Consumer<?, ?> consumer;
    private final long startEpochMs;
    /** Next offset to read per partition; written by the poll loop, which also runs these callbacks. */
    private final Map<TopicPartition, Long> positions = new HashMap<>();

    public ResumingRebalanceListener(Consumer<?, ?> consumer, long startEpochMs) {
        this.consumer = consumer;
        this.startEpochMs = startEpochMs;
    }

    public void advance(TopicPartition partition, long offset) {
        positions.put(partition, offset + 1);
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        List<TopicPartition> fresh = new ArrayList<>();
        for (TopicPartition partition : partitions) {
            Long position = positions.get(partition);
            if (position != null) {
                consumer.seek(partition, position);
            } else {
                fresh.add(partition);
            }
        }
        if (fresh.isEmpty()) {
            return;
        }
        // end offsets first: when no record is yet at or after the start time, everything up to this end is older
        // and whatever is appended later lies beyond it
        Map<TopicPartition, Long> ends = consumer.endOffsets(fresh);
        Map<TopicPartition, Long> since = new HashMap<>();
        fresh.forEach(partition -> since.put(partition, startEpochMs));
        Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(since);
        for (TopicPartition partition : fresh) {
            OffsetAndTimestamp first = found.get(partition);
            consumer.seek(partition, first != null ? first.offset() : ends.get(partition));
        }
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        // positions stay: the poll loop recorded them as it went, and no offsets are committed
    }
}
