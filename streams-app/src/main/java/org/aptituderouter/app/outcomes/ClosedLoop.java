package org.aptituderouter.app.outcomes;

import java.time.Duration;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.aptituderouter.schemas.avro.ModelEvidence;
import org.aptituderouter.schemas.avro.RoutingDecision;

/**
 * The processors of the closed loop, for the topology: decisions indexed, outcomes checked against them, counted into
 * each model's live evidence, and the evidence fed back into every instance's capability set.
 *
 * @param decisionRetention how long a decision waits for its outcomes (the decision index's retention)
 */
public record ClosedLoop(
        ProcessorSupplier<byte[], RoutingDecision, Void, Void> indexer,
        ProcessorSupplier<byte[], byte[], byte[], OutcomeOutput> check,
        ProcessorSupplier<String, GradedOutcome, String, ModelEvidence> counter,
        ProcessorSupplier<String, byte[], Void, Void> evidenceUpdater,
        Duration decisionRetention) {}
