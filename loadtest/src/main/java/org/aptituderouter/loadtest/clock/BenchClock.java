package org.aptituderouter.loadtest.clock;

/**
 * The one time source of a benchmark. Intended send times and arrival times must come from the same clock, or
 * end-to-end latency would include the drift between two clocks; tests substitute a virtual clock to show that a
 * slow send does not move the schedule.
 */
public interface BenchClock {

    /** Monotonic nanoseconds, as {@link System#nanoTime()}. */
    long nanoTime();

    /** The wall-clock time (microseconds since the epoch) of a {@link #nanoTime()} reading. */
    long epochMicros(long nanoTime);

    /** Returns at or after {@code deadlineNanos}; at once if it has passed. */
    void parkUntil(long deadlineNanos) throws InterruptedException;

    static BenchClock system() {
        return new SystemBenchClock();
    }
}
