package org.aptituderouter.app.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.annotation.PostConstruct;
import java.util.regex.Pattern;

/**
 * {@code router.topics.*}: every topic name the router reads or writes, and how new topics are created. The prefix
 * lets several routers (or environments) share one cluster. Names are only ever read through
 * {@link org.aptituderouter.app.topics.RouterTopics}.
 */
@ConfigurationProperties("router.topics")
public class TopicsProperties {

    private static final Pattern LEGAL = Pattern.compile("[a-zA-Z0-9._-]*");

    private String prefix = "";
    private String instructions = "instructions";
    private String capabilities = "model-capabilities";
    private String routedPrefix = "routed.";
    private String decisions = "routing-decisions";
    private String deadLetter = "instructions.dlq";
    private String outcomes = "model-outcomes";
    private String evidence = "model-evidence";
    /** Partitions of every topic the router creates. */
    private int partitions = 3;
    /** Replication factor of every topic the router creates; -1 takes the broker's default.replication.factor. */
    private short replicationFactor = -1;

    public String getPrefix() {
        return prefix;
    }

    public void setPrefix(String prefix) {
        this.prefix = prefix == null ? "" : prefix;
    }

    public String getInstructions() {
        return instructions;
    }

    public void setInstructions(String instructions) {
        this.instructions = instructions;
    }

    public String getCapabilities() {
        return capabilities;
    }

    public void setCapabilities(String capabilities) {
        this.capabilities = capabilities;
    }

    public String getRoutedPrefix() {
        return routedPrefix;
    }

    public void setRoutedPrefix(String routedPrefix) {
        this.routedPrefix = routedPrefix;
    }

    public String getDecisions() {
        return decisions;
    }

    public void setDecisions(String decisions) {
        this.decisions = decisions;
    }

    /** Graded answers, keyed by instruction id, from whoever grades them. */
    public String getOutcomes() {
        return outcomes;
    }

    public void setOutcomes(String outcomes) {
        this.outcomes = outcomes;
    }

    /** Compacted: each model's evidence from graded outcomes, written by the router. */
    public String getEvidence() {
        return evidence;
    }

    public void setEvidence(String evidence) {
        this.evidence = evidence;
    }

    public String getDeadLetter() {
        return deadLetter;
    }

    public void setDeadLetter(String deadLetter) {
        this.deadLetter = deadLetter;
    }

    public int getPartitions() {
        return partitions;
    }

    public void setPartitions(int partitions) {
        this.partitions = partitions;
    }

    public short getReplicationFactor() {
        return replicationFactor;
    }

    public void setReplicationFactor(short replicationFactor) {
        this.replicationFactor = replicationFactor;
    }

    @PostConstruct
    void validate() {
        requireName("router.topics.prefix", prefix, true);
        requireName("router.topics.instructions", instructions, false);
        requireName("router.topics.capabilities", capabilities, false);
        requireName("router.topics.routed-prefix", routedPrefix, false);
        requireName("router.topics.decisions", decisions, false);
        requireName("router.topics.dead-letter", deadLetter, false);
        requireName("router.topics.outcomes", outcomes, false);
        requireName("router.topics.evidence", evidence, false);
        if (partitions < 1) {
            throw new RouterConfigException("router.topics.partitions must be at least 1, was " + partitions);
        }
        if (replicationFactor == 0 || replicationFactor < -1) {
            throw new RouterConfigException("router.topics.replication-factor must be positive, or -1 for the "
                    + "broker's default.replication.factor, was " + replicationFactor);
        }
    }

    private static void requireName(String key, String value, boolean mayBeEmpty) {
        if (value == null
                || (!mayBeEmpty && value.isEmpty())
                || !LEGAL.matcher(value).matches()) {
            throw new RouterConfigException(key + " must be a legal Kafka topic name part (letters, digits, "
                    + "'.', '_', '-'), was '" + value + "'");
        }
    }
}
