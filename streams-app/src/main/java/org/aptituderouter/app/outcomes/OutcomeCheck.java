package org.aptituderouter.app.outcomes;

import java.time.Instant;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.aptituderouter.app.capability.LiveCapabilities;
import org.aptituderouter.app.metrics.RouterMetrics;
import org.aptituderouter.app.routing.OutcomeRecords;
import org.aptituderouter.app.routing.PendingInstruction;
import org.aptituderouter.app.topics.RegistryOutage;
import org.aptituderouter.schemas.avro.DeadLetterReason;
import org.aptituderouter.schemas.avro.ModelOutcome;

/**
 * Checks each graded outcome against the decision it grades and lets it count once: read as bytes (an unreadable
 * record is a dead letter, not a stopped stream), then a grade in range, a model in the zoo, a decision for the
 * instruction in the decision index, and no earlier outcome for the same instruction and model. What passes is
 * forwarded for the model's evidence, with the task the decision named; the index entry notes the model as graded, in
 * the same transaction.
 */
public final class OutcomeCheck implements Processor<byte[], byte[], byte[], OutcomeOutput> {

    private final String indexStoreName;
    private final String topic;
    private final Deserializer<ModelOutcome> deserializer;
    private final LiveCapabilities capabilities;
    private final RouterMetrics metrics;

    private ProcessorContext<byte[], OutcomeOutput> context;
    private WindowStore<String, byte[]> index;

    public OutcomeCheck(
            String indexStoreName,
            String topic,
            Deserializer<ModelOutcome> deserializer,
            LiveCapabilities capabilities,
            RouterMetrics metrics) {
        this.indexStoreName = indexStoreName;
        this.topic = topic;
        this.deserializer = deserializer;
        this.capabilities = capabilities;
        this.metrics = metrics;
    }

    public static ProcessorSupplier<byte[], byte[], byte[], OutcomeOutput> supplier(
            String indexStoreName,
            String topic,
            Deserializer<ModelOutcome> deserializer,
            LiveCapabilities capabilities,
            RouterMetrics metrics) {
        return () -> new OutcomeCheck(indexStoreName, topic, deserializer, capabilities, metrics);
    }

    @Override
    public void init(ProcessorContext<byte[], OutcomeOutput> context) {
        this.context = context;
        this.index = context.getStateStore(indexStoreName);
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        ModelOutcome outcome;
        try {
            outcome = record.value() == null ? null : deserializer.deserialize(topic, record.value());
        } catch (RuntimeException e) {
            if (RegistryOutage.causedBy(e)) {
                throw e; // the record may be fine: fail now, read it again after the restart
            }
            deadLetter(record, DeadLetterReason.DESERIALIZATION_FAILED, e.getMessage());
            return;
        }
        if (outcome == null) {
            deadLetter(record, DeadLetterReason.DESERIALIZATION_FAILED, "an outcome record without a value");
            return;
        }
        Boolean correct = correct(outcome);
        if (correct == null) {
            deadLetter(
                    record,
                    DeadLetterReason.INVALID_OUTCOME,
                    "outcome of " + outcome.getModelId() + " for "
                            + outcome.getInstructionId() + " has "
                            + (outcome.getScore() == null
                                    ? "neither correct nor score"
                                    : "score " + outcome.getScore() + ", outside [0,1]"));
            return;
        }
        if (!capabilities.current().contains(outcome.getModelId())) {
            deadLetter(
                    record,
                    DeadLetterReason.INVALID_OUTCOME,
                    "outcome for " + outcome.getInstructionId() + " grades model " + outcome.getModelId()
                            + ", which is not in the zoo");
            return;
        }
        KeyValue<Long, byte[]> found = find(outcome.getInstructionId());
        if (found == null) {
            deadLetter(
                    record,
                    DeadLetterReason.UNKNOWN_INSTRUCTION,
                    "no decision for instruction "
                            + outcome.getInstructionId() + " (never routed here, keyed differently, or older than "
                            + "router.outcomes.decision-retention)");
            return;
        }
        DecisionIndex decision = DecisionIndex.fromBytes(found.value);
        if (decision.alreadyGraded(outcome.getModelId())) {
            deadLetter(
                    record,
                    DeadLetterReason.DUPLICATE_OUTCOME,
                    "instruction " + outcome.getInstructionId() + " already has an outcome for "
                            + outcome.getModelId());
            return;
        }
        if (decision.task() < 0) {
            deadLetter(
                    record,
                    DeadLetterReason.INVALID_OUTCOME,
                    "the decision for " + outcome.getInstructionId()
                            + " names no aptitude task (its test has no task centroids), so no task can count it");
            return;
        }
        index.put(
                outcome.getInstructionId(),
                decision.withGraded(outcome.getModelId()).toBytes(),
                found.key);
        metrics.outcomeCounted(outcome.getModelId());
        if (decision.shadowDisagreed()) {
            String model = outcome.getModelId();
            if (model.equals(decision.chosenModel()) || model.equals(decision.shadowModel())) {
                metrics.shadowDisagreementOutcome(model.equals(decision.chosenModel()) ? "live" : "shadow", correct);
            }
        }
        context.forward(record.withValue(new OutcomeOutput.Counted(
                outcome.getModelId(),
                new GradedOutcome(outcome.getInstructionId(), decision.task(), correct, decision.text()))));
    }

    /** The grade as right or wrong: {@code correct} when given, else a score from 0.5 up; null if neither is usable. */
    static Boolean correct(ModelOutcome outcome) {
        if (outcome.getCorrect() != null) {
            return outcome.getCorrect();
        }
        Double score = outcome.getScore();
        if (score == null || !(score >= 0 && score <= 1)) {
            return null;
        }
        return score >= 0.5;
    }

    /** The latest index entry of the instruction within the store's retention, with its decision time. */
    private KeyValue<Long, byte[]> find(String instructionId) {
        KeyValue<Long, byte[]> latest = null;
        try (WindowStoreIterator<byte[]> entries =
                index.fetch(instructionId, Instant.EPOCH, Instant.ofEpochMilli(Long.MAX_VALUE))) {
            while (entries.hasNext()) {
                latest = entries.next();
            }
        }
        return latest;
    }

    private void deadLetter(Record<byte[], byte[]> record, DeadLetterReason reason, String message) {
        RecordMetadata source = context.recordMetadata().orElse(null);
        PendingInstruction input = new PendingInstruction(
                record.key(),
                record.value(),
                record.headers(),
                record.timestamp(),
                source == null ? topic : source.topic(),
                source == null ? -1 : source.partition(),
                source == null ? -1 : source.offset(),
                record.timestamp());
        metrics.deadLettered(reason.name());
        context.forward(record.withValue(new OutcomeOutput.DeadLettered(
                OutcomeRecords.deadLetter(input, reason, message, System.currentTimeMillis()))));
    }
}
