package org.aptituderouter.loadtest.chaos;

import java.time.Duration;

/**
 * What a chaos run does.
 *
 * @param kills           SIGKILLs of the router instance, each followed at once by a restart on the same state
 * @param brokerRestarts  broker restarts under load (0 or 1), halfway through the kills
 * @param secondInstance  whether a second instance joins at the end and is killed without a restart, so the first
 *                        must take its partitions over; then the first is killed for good and a new instance on an
 *                        empty state directory takes its place
 * @param ratePerSecond   records offered per second, poison included
 * @param poisonEvery     every n-th record is poison (0: none)
 * @param minGap          least time between the end of one fault's recovery and the next fault
 * @param maxGap          most time between the end of one fault's recovery and the next fault
 * @param recoveryTimeout how long routing may take to come back on every partition before the run calls it stopped
 * @param drainTimeout    how long, after the traffic stops, every record may take to come out
 * @param seed            seeds the fault timing and the poison bytes
 */
public record ChaosPlan(
        int kills,
        int brokerRestarts,
        boolean secondInstance,
        double ratePerSecond,
        int poisonEvery,
        Duration minGap,
        Duration maxGap,
        Duration recoveryTimeout,
        Duration drainTimeout,
        long seed) {

    public ChaosPlan {
        if (kills < 0 || brokerRestarts < 0 || brokerRestarts > 1) {
            throw new IllegalArgumentException("kills must be >= 0 and broker restarts 0 or 1");
        }
        if (ratePerSecond <= 0) {
            throw new IllegalArgumentException("the rate must be positive, not " + ratePerSecond);
        }
        if (minGap.compareTo(maxGap) > 0) {
            throw new IllegalArgumentException("the least gap between faults exceeds the most");
        }
    }

    /** The full run quoted in the README: 10 kills with restart, a broker restart, a takeover. */
    public static ChaosPlan full() {
        return new ChaosPlan(
                10,
                1,
                true,
                10,
                10,
                Duration.ofSeconds(3),
                Duration.ofSeconds(10),
                Duration.ofSeconds(150),
                Duration.ofSeconds(180),
                42);
    }

    /** CI's short form: 3 kills, a broker restart, a takeover. */
    public static ChaosPlan shortForm() {
        return new ChaosPlan(
                3,
                1,
                true,
                10,
                10,
                Duration.ofSeconds(3),
                Duration.ofSeconds(6),
                Duration.ofSeconds(150),
                Duration.ofSeconds(180),
                42);
    }

    public ChaosPlan withKills(int kills) {
        return new ChaosPlan(
                kills,
                brokerRestarts,
                secondInstance,
                ratePerSecond,
                poisonEvery,
                minGap,
                maxGap,
                recoveryTimeout,
                drainTimeout,
                seed);
    }

    public ChaosPlan withSeed(long seed) {
        return new ChaosPlan(
                kills,
                brokerRestarts,
                secondInstance,
                ratePerSecond,
                poisonEvery,
                minGap,
                maxGap,
                recoveryTimeout,
                drainTimeout,
                seed);
    }

    public ChaosPlan withRate(double ratePerSecond) {
        return new ChaosPlan(
                kills,
                brokerRestarts,
                secondInstance,
                ratePerSecond,
                poisonEvery,
                minGap,
                maxGap,
                recoveryTimeout,
                drainTimeout,
                seed);
    }
}
