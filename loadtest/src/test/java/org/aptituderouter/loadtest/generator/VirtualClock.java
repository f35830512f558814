package org.aptituderouter.loadtest.generator;

import org.aptituderouter.loadtest.clock.BenchClock;

/** Time that moves only when told: parking jumps to the deadline, a slow send advances it by its cost. */
final class VirtualClock implements BenchClock {

    static final long EPOCH_MICROS_AT_ZERO = 1_700_000_000_000_000L;

    private long now;

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public long epochMicros(long nanoTime) {
        return EPOCH_MICROS_AT_ZERO + nanoTime / 1_000;
    }

    @Override
    public void parkUntil(long deadlineNanos) {
        now = Math.max(now, deadlineNanos);
    }

    void advance(long nanos) {
        now += nanos;
    }
}
