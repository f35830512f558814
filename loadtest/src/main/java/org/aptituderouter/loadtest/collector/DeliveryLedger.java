package org.aptituderouter.loadtest.collector;

import java.util.BitSet;

/**
 * Which instructions of a run were sent and which arrived on one output, by sequence number, so missing and
 * duplicated deliveries are counted exactly rather than inferred from totals (where one loss and one duplicate
 * would cancel out). Thread-safe: acknowledgements come from the producer's thread, arrivals from the collector's.
 */
public final class DeliveryLedger {

    private final BitSet sent = new BitSet();
    private final BitSet arrived = new BitSet();
    private long duplicates;

    public synchronized void markSent(long sequence) {
        sent.set(index(sequence));
    }

    /** @return true for the first arrival of this instruction, false for a duplicate */
    public synchronized boolean markArrived(long sequence) {
        int i = index(sequence);
        if (arrived.get(i)) {
            duplicates++;
            return false;
        }
        arrived.set(i);
        return true;
    }

    /** True when every acknowledged send has arrived. */
    public synchronized boolean complete() {
        BitSet missing = (BitSet) sent.clone();
        missing.andNot(arrived);
        return missing.isEmpty();
    }

    public synchronized DeliveryCounts counts() {
        BitSet missing = (BitSet) sent.clone();
        missing.andNot(arrived);
        BitSet unexpected = (BitSet) arrived.clone();
        unexpected.andNot(sent);
        long distinctSentArrived = arrived.cardinality() - unexpected.cardinality();
        return new DeliveryCounts(
                sent.cardinality(), distinctSentArrived, missing.cardinality(), duplicates, unexpected.cardinality());
    }

    private static int index(long sequence) {
        if (sequence < 0 || sequence > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("sequence " + sequence + " is outside a run's range");
        }
        return (int) sequence;
    }
}
