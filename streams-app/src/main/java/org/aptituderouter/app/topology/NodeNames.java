package org.aptituderouter.app.topology;

/**
 * Names of every source, processor, sink and store in the topology. Kafka Streams derives internal topic names
 * (the batch store's changelog) from them, so they must stay the same across releases.
 */
public final class NodeNames {

    public static final String INSTRUCTIONS_SOURCE = "instructions-source";
    public static final String BATCH_ROUTER = "batch-router";
    public static final String BATCH_STORE = "instruction-batch-store";
    public static final String OUTCOME_SPLIT = "route-outcome-";
    public static final String ROUTED_BRANCH = "routed";
    public static final String DECISION_BRANCH = "decision";
    public static final String DEAD_LETTER_BRANCH = "dead-letter";
    public static final String ROUTED_VALUES = "routed-values";
    public static final String DECISION_VALUES = "decision-values";
    public static final String DEAD_LETTER_VALUES = "dead-letter-values";
    public static final String ROUTED_SINK = "routed-sink";
    public static final String DECISIONS_SINK = "decisions-sink";
    public static final String DEAD_LETTER_SINK = "dead-letter-sink";
    public static final String CAPABILITIES_SOURCE = "model-capabilities";
    public static final String CAPABILITIES_STORE = "model-capabilities-store";

    private NodeNames() {
    }
}
