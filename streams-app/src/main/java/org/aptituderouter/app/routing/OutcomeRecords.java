package org.aptituderouter.app.routing;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.aptituderouter.core.RoutingOutcome;
import org.aptituderouter.core.ScoredCandidate;
import org.aptituderouter.schemas.avro.DeadLetter;
import org.aptituderouter.schemas.avro.DeadLetterHeader;
import org.aptituderouter.schemas.avro.DeadLetterReason;
import org.aptituderouter.schemas.avro.InstructionEvent;
import org.aptituderouter.schemas.avro.RoutingDecision;
import org.aptituderouter.schemas.avro.ScoredModel;
import org.aptituderouter.schemas.avro.ShadowChoice;

/** Builds the Avro records the router writes about an instruction: its decision or its dead letter. */
public final class OutcomeRecords {

    /** Alternatives a decision lists besides the chosen model: enough to see how close the call was. */
    static final int ALTERNATIVES = 3;

    private OutcomeRecords() {}

    public static RoutingDecision decision(
            InstructionEvent instruction, RoutingOutcome.Routed routed, String routerVersion, long nowMs) {
        List<ScoredModel> alternatives = routed.ranking().stream()
                .filter(c -> !c.modelId().equals(routed.modelId()))
                .limit(ALTERNATIVES)
                .map(OutcomeRecords::scored)
                .toList();
        return RoutingDecision.newBuilder()
                .setInstruction(instruction)
                .setModelId(routed.modelId())
                .setProbability(routed.probability())
                .setAlternatives(alternatives)
                .setPolicy(routed.policy())
                .setRouterVersion(routerVersion)
                .setCapabilitySetVersion(routed.capabilitySetVersion())
                .setDecidedAt(Instant.ofEpochMilli(nowMs))
                .setTask(routed.task() < 0 ? null : routed.task())
                .setShadow(
                        routed.shadow() == null
                                ? null
                                : new ShadowChoice(
                                        routed.shadow().modelId(),
                                        routed.shadow().probability(),
                                        routed.shadow().policy(),
                                        routed.shadow().routerVersion()))
                .setSpilledFrom(routed.spilledFrom())
                .build();
    }

    public static DeadLetter deadLetter(PendingInstruction input, DeadLetterReason reason, String message, long nowMs) {
        List<DeadLetterHeader> headers = new java.util.ArrayList<>();
        for (Header header : input.headers()) {
            headers.add(new DeadLetterHeader(
                    header.key(), header.value() == null ? null : ByteBuffer.wrap(header.value())));
        }
        return DeadLetter.newBuilder()
                .setSourceTopic(input.sourceTopic())
                .setSourcePartition(input.sourcePartition())
                .setSourceOffset(input.sourceOffset())
                .setOriginalKey(input.key() == null ? null : ByteBuffer.wrap(input.key()))
                .setOriginalValue(input.value() == null ? null : ByteBuffer.wrap(input.value()))
                .setOriginalHeaders(headers)
                .setReason(reason)
                .setMessage(message == null ? reason.name() : message)
                .setFailedAt(Instant.ofEpochMilli(nowMs))
                .build();
    }

    /** router-core's reject reasons are a subset of the dead-letter reasons, under the same names. */
    /** Every reason the router can reject for has its dead-letter reason (the switch is checked to be total). */
    public static DeadLetterReason reason(RoutingOutcome.Rejected rejected) {
        return switch (rejected.reason()) {
            case EMPTY_TEXT -> DeadLetterReason.EMPTY_TEXT;
            case INVALID_TEXT -> DeadLetterReason.INVALID_TEXT;
            case UNKNOWN_MODEL -> DeadLetterReason.UNKNOWN_MODEL;
            case NO_ELIGIBLE_CANDIDATE -> DeadLetterReason.NO_ELIGIBLE_CANDIDATE;
            case INFERENCE_ERROR -> DeadLetterReason.INFERENCE_ERROR;
        };
    }

    private static ScoredModel scored(ScoredCandidate candidate) {
        return new ScoredModel(candidate.modelId(), candidate.probability());
    }
}
