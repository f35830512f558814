package org.aptituderouter.loadtest.clock;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * {@link System#nanoTime()} anchored once to the wall clock: wall-clock readings taken later cannot jump (NTP
 * steps) relative to the monotonic one, so two readings in this JVM always subtract to a true interval.
 */
final class SystemBenchClock implements BenchClock {

    private final long anchorNanos;
    private final long anchorEpochMicros;

    SystemBenchClock() {
        this.anchorNanos = System.nanoTime();
        this.anchorEpochMicros = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public long epochMicros(long nanoTime) {
        return anchorEpochMicros + (nanoTime - anchorNanos) / 1_000;
    }

    @Override
    public void parkUntil(long deadlineNanos) throws InterruptedException {
        // parkNanos may return early (spurious wake-ups) or late by tens of microseconds: loop on the deadline,
        // and accept the lateness, which the generator measures
        for (long remaining = deadlineNanos - System.nanoTime();
                remaining > 0;
                remaining = deadlineNanos - System.nanoTime()) {
            LockSupport.parkNanos(remaining);
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while waiting for the next intended send time");
            }
        }
    }
}
