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
    public static final String DECISION_INDEXER = "decision-indexer";
    public static final String DECISION_INDEX_STORE = "decision-index-store";
    public static final String OUTCOMES_SOURCE = "outcomes-source";
    public static final String OUTCOME_CHECK = "outcome-check";
    public static final String OUTCOME_CHECK_SPLIT = "outcome-check-";
    public static final String COUNTED_BRANCH = "counted";
    public static final String OUTCOMES_BY_MODEL_KEY = "outcomes-by-model-key";
    public static final String OUTCOMES_BY_MODEL = "outcomes-by-model";
    public static final String EVIDENCE_COUNTER = "evidence-counter";
    public static final String LIVE_EVIDENCE_STORE = "live-evidence-store";
    public static final String EVIDENCE_SINK = "evidence-sink";
    public static final String OUTCOME_DEAD_LETTER_VALUES = "outcome-dead-letter-values";
    public static final String OUTCOME_DEAD_LETTER_SINK = "outcome-dead-letter-sink";
    public static final String EVIDENCE_SOURCE = "model-evidence";
    public static final String EVIDENCE_STORE = "model-evidence-store";

    private NodeNames() {}
}
