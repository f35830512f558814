package org.aptituderouter.app.routing;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The durable queue of instructions waiting for their batch: a changelogged key-value store keyed by an arrival
 * sequence number, and the bookkeeping derived from it (next sequence, count, oldest arrival). The store, not these
 * fields, holds the records: after a restore the bookkeeping is recounted from whatever was committed.
 */
final class PendingQueue {

    private final KeyValueStore<Long, PendingInstruction> store;
    private long firstSequence;
    private long nextSequence;
    private int size;
    private long oldestEnqueuedMs = -1;

    PendingQueue(KeyValueStore<Long, PendingInstruction> store) {
        this.store = store;
        try (KeyValueIterator<Long, PendingInstruction> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<Long, PendingInstruction> entry = all.next();
                if (size == 0) {
                    oldestEnqueuedMs = entry.value.enqueuedAtMs();
                    firstSequence = entry.key;
                }
                size++;
                nextSequence = entry.key + 1;
            }
        }
    }

    void append(PendingInstruction input) {
        store.put(nextSequence++, input);
        if (size == 0) {
            oldestEnqueuedMs = input.enqueuedAtMs();
        }
        size++;
    }

    int size() {
        return size;
    }

    /** When the oldest waiting instruction arrived; -1 when none waits. */
    long oldestEnqueuedMs() {
        return oldestEnqueuedMs;
    }

    /** Up to {@code max} of the oldest entries, oldest first; they stay queued until {@link #remove}. */
    List<KeyValue<Long, PendingInstruction>> oldest(int max) {
        List<KeyValue<Long, PendingInstruction>> batch = new ArrayList<>(Math.min(size, max));
        try (KeyValueIterator<Long, PendingInstruction> all = fromOldest()) {
            while (all.hasNext() && batch.size() < max) {
                batch.add(all.next());
            }
        }
        return batch;
    }

    /** Removes a batch {@link #oldest} returned, once its outputs are forwarded. */
    void remove(List<KeyValue<Long, PendingInstruction>> batch) {
        for (KeyValue<Long, PendingInstruction> entry : batch) {
            store.delete(entry.key);
        }
        size -= batch.size();
        firstSequence = batch.get(batch.size() - 1).key + 1;
        if (size == 0) {
            oldestEnqueuedMs = -1;
        } else {
            try (KeyValueIterator<Long, PendingInstruction> all = fromOldest()) {
                oldestEnqueuedMs = all.hasNext() ? all.next().value.enqueuedAtMs() : -1;
            }
        }
    }

    /**
     * The store from the oldest pending record on. Seeking past the flushed keys, instead of scanning from the
     * start, keeps RocksDB from stepping over the delete markers a queue leaves behind until they are compacted.
     */
    private KeyValueIterator<Long, PendingInstruction> fromOldest() {
        return store.range(firstSequence, Long.MAX_VALUE);
    }
}
