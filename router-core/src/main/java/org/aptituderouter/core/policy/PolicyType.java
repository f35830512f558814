package org.aptituderouter.core.policy;

/** The routing objectives; see {@link RoutingPolicy#of}. */
public enum PolicyType {
    /** Highest probability of a correct answer. */
    QUALITY,
    /** Highest probability minus lambda times cost. */
    COST,
    /** Cheapest candidate whose probability reaches the threshold, else the most probable. */
    THRESHOLD
}
