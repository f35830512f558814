package org.aptituderouter.loadtest.collector;

/**
 * Exactly-once accounting of one output for one run.
 *
 * @param sent       instructions the broker acknowledged to the generator
 * @param received   distinct sent instructions seen on the output
 * @param missing    sent instructions never seen
 * @param duplicates arrivals beyond the first of an instruction
 * @param unexpected distinct instructions seen that the generator has no acknowledgement for (a send reported
 *                   as failed that the broker did keep)
 */
public record DeliveryCounts(long sent, long received, long missing, long duplicates, long unexpected) {

    public boolean exactlyOnce() {
        return missing == 0 && duplicates == 0 && unexpected == 0;
    }
}
