package org.aptituderouter.loadtest.generator;

/**
 * What an open-loop run did, and whether it managed the rate it was asked for.
 *
 * @param scheduled    sends the schedule called for (all of them are attempted)
 * @param acknowledged sends the broker acknowledged
 * @param failed       sends that ended in an error
 * @param lateSends    sends that started late: more than the lateness threshold, and more than one send
 *                     interval, after their intended time
 * @param maxLagMs     the latest any send started, relative to its intended time
 * @param sendRate     sends started per second, first intended time to last start
 */
public record GeneratorResult(
        double offeredPerSecond,
        long scheduled,
        long acknowledged,
        long failed,
        long lateSends,
        double maxLagMs,
        double sendRate) {

    /** Share of late sends above which the generator is said not to have kept the rate. */
    static final double TOLERATED_LATE_SHARE = 0.01;

    /** The generator could not start sends on schedule: the load offered was less than asked for. */
    public boolean fellBehind() {
        return scheduled > 0 && lateSends > scheduled * TOLERATED_LATE_SHARE;
    }
}
