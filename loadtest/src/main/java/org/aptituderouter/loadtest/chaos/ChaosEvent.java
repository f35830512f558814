package org.aptituderouter.loadtest.chaos;

/**
 * One fault and how the router came back from it.
 *
 * @param kind            {@code router_kill_restart}, {@code router_kill_takeover}, {@code router_replaced_on_empty_state}
 *                        (killed for good, a new instance on an empty state directory in its place) or
 *                        {@code broker_restart}
 * @param target          the process faulted
 * @param atSeconds       when, from the start of the traffic
 * @param inFlight        good instructions acknowledged by the broker but not yet routed at that moment
 * @param recoverySeconds from the fault until instructions sent after it were routed on every partition; -1 if
 *                        that did not happen within the plan's recovery timeout
 * @param restoreSeconds  the slowest state store restore of the instance that routes afterwards, as its
 *                        {@code router_state_restore_seconds_max} said after the recovery; -1 if none was reported
 * @param restoreRecords  the most changelog records one such restore read; -1 if none was reported
 */
public record ChaosEvent(
        String kind,
        String target,
        double atSeconds,
        long inFlight,
        double recoverySeconds,
        double restoreSeconds,
        long restoreRecords) {

    public static final String KILL_RESTART = "router_kill_restart";
    public static final String KILL_TAKEOVER = "router_kill_takeover";
    public static final String REPLACED_ON_EMPTY_STATE = "router_replaced_on_empty_state";
    public static final String BROKER_RESTART = "broker_restart";

    public boolean recovered() {
        return recoverySeconds >= 0;
    }
}
