package org.aptituderouter.loadtest.generator;

import java.time.Duration;

/**
 * When each instruction of an open-loop run is meant to be sent: send {@code i} at {@code start + i / rate}, a
 * function of {@code i} alone. The schedule never looks at when an earlier send finished, so a stalled producer
 * or broker shows up as latency (measured from these times) instead of as silently fewer requests, the
 * coordinated omission a closed loop suffers from.
 *
 * @param startNanos    intended time of the first send, on the bench clock
 * @param ratePerSecond offered load
 * @param count         sends in the run
 */
public record SendSchedule(long startNanos, double ratePerSecond, long count) {

    public SendSchedule {
        if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
            throw new IllegalArgumentException("the offered rate must be a positive number, was " + ratePerSecond);
        }
        if (count < 0) {
            throw new IllegalArgumentException("a run cannot send " + count + " instructions");
        }
    }

    /** A run at {@code ratePerSecond} that lasts {@code duration} (at least one send). */
    public static SendSchedule forDuration(long startNanos, double ratePerSecond, Duration duration) {
        long count = Math.max(1, Math.round(ratePerSecond * duration.toNanos() / 1e9));
        return new SendSchedule(startNanos, ratePerSecond, count);
    }

    public long intendedNanos(long sequence) {
        return startNanos + Math.round(sequence * 1e9 / ratePerSecond);
    }

    /** Intended time of the last send plus one interval: how long the run takes when it keeps the rate. */
    public long endNanos() {
        return intendedNanos(count);
    }
}
