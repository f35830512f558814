package org.aptituderouter.app.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

/** The queue's bookkeeping follows the store: appends, removal of the oldest, and a recount after a restore. */
class PendingQueueTest {

    private final KeyValueStore<Long, PendingInstruction> store = store();

    @Test
    void keepsArrivalOrderAndTheOldestArrival() {
        PendingQueue queue = new PendingQueue(store);
        for (int i = 0; i < 5; i++) {
            queue.append(instruction(100 + i));
        }
        assertThat(queue.size()).isEqualTo(5);
        assertThat(queue.oldestEnqueuedMs()).isEqualTo(100);

        var firstThree = queue.oldest(3);
        assertThat(firstThree).extracting(entry -> entry.key).containsExactly(0L, 1L, 2L);
        assertThat(queue.size()).as("taking is not removing").isEqualTo(5);
        queue.remove(firstThree);

        assertThat(queue.size()).isEqualTo(2);
        assertThat(queue.oldestEnqueuedMs()).isEqualTo(103);
        assertThat(queue.oldest(10)).extracting(entry -> entry.key).containsExactly(3L, 4L);
    }

    @Test
    void aQueueOverARestoredStoreContinuesWhereTheStoreLeftOff() {
        PendingQueue before = new PendingQueue(store);
        for (int i = 0; i < 4; i++) {
            before.append(instruction(200 + i));
        }
        before.remove(before.oldest(1));

        PendingQueue after = new PendingQueue(store);
        assertThat(after.size()).isEqualTo(3);
        assertThat(after.oldestEnqueuedMs()).isEqualTo(201);
        after.append(instruction(300));
        assertThat(after.oldest(10)).extracting(entry -> entry.key).containsExactly(1L, 2L, 3L, 4L);
        after.remove(after.oldest(10));
        assertThat(after.size()).isZero();
        assertThat(after.oldestEnqueuedMs()).isEqualTo(-1);
    }

    private static PendingInstruction instruction(long enqueuedAtMs) {
        return new PendingInstruction(
                null, new byte[] {1}, new RecordHeaders(), enqueuedAtMs, "instructions", 0, enqueuedAtMs, enqueuedAtMs);
    }

    private static KeyValueStore<Long, PendingInstruction> store() {
        MockProcessorContext<Void, Void> context = new MockProcessorContext<>();
        KeyValueStore<Long, PendingInstruction> store = Stores.keyValueStoreBuilder(
                        Stores.inMemoryKeyValueStore("queue"), Serdes.Long(), new PendingInstructionSerde())
                .withLoggingDisabled()
                .build();
        store.init(context.getStateStoreContext(), store);
        return store;
    }
}
