package org.aptituderouter.schemas;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.aptituderouter.schemas.avro.DeadLetter;
import org.aptituderouter.schemas.avro.DeadLetterHeader;
import org.aptituderouter.schemas.avro.DeadLetterReason;
import org.aptituderouter.schemas.avro.InstructionEvent;
import org.aptituderouter.schemas.avro.ModelCapability;
import org.aptituderouter.schemas.avro.ModelStatus;
import org.aptituderouter.schemas.avro.PolicyType;
import org.aptituderouter.schemas.avro.RoutingConstraints;
import org.aptituderouter.schemas.avro.RoutingDecision;
import org.aptituderouter.schemas.avro.ScoredModel;

/** One fully populated instance of each record, every optional field set, for round-trip tests. */
public final class Samples {

    public static final Instant SUBMITTED = Instant.parse("2025-03-01T12:00:00.123Z");

    private Samples() {}

    public static InstructionEvent instruction() {
        return InstructionEvent.newBuilder()
                .setId("instr-1")
                .setText("Which planet is largest?\nA. Mars\nB. Jupiter")
                .setTenant("acme")
                .setSubmittedAt(SUBMITTED)
                .setConstraints(RoutingConstraints.newBuilder()
                        .setAllowedModels(List.of("qwen2.5-72b", "llama-3.1-8b"))
                        .setExcludedModels(List.of("gpt-4o"))
                        .setPolicy(PolicyType.THRESHOLD)
                        .setLambda(0.01)
                        .setThreshold(0.7)
                        .build())
                .setAttributes(Map.of("trace-id", "abc123"))
                .build();
    }

    /** Only the required fields: the defaults must fill the rest. */
    public static InstructionEvent minimalInstruction() {
        return InstructionEvent.newBuilder()
                .setId("instr-2")
                .setText("2+2?")
                .setSubmittedAt(SUBMITTED)
                .build();
    }

    public static ModelCapability capability() {
        return ModelCapability.newBuilder()
                .setModelId("qwen2.5-72b")
                .setAptitudeTestId("mmlu-pro-apt-v1")
                .setScores(List.of(0.5f, 0.25f, 1.0f))
                .setCost(72.0)
                .setStatus(ModelStatus.DRAINING)
                .setReleasedAt(Instant.parse("2024-09-19T00:00:00Z"))
                .build();
    }

    public static RoutingDecision decision() {
        return RoutingDecision.newBuilder()
                .setInstruction(instruction())
                .setModelId("qwen2.5-72b")
                .setProbability(0.83)
                .setAlternatives(List.of(new ScoredModel("llama-3.1-8b", 0.61)))
                .setPolicy("threshold")
                .setRouterVersion("minilm-fp32+head-v1")
                .setCapabilitySetVersion(42L)
                .setDecidedAt(SUBMITTED.plusMillis(15))
                .build();
    }

    public static DeadLetter deadLetter() {
        return DeadLetter.newBuilder()
                .setSourceTopic("instructions")
                .setSourcePartition(3)
                .setSourceOffset(1234L)
                .setOriginalKey(bytes("instr-9"))
                .setOriginalValue(ByteBuffer.wrap(new byte[] {1, 2, 3}))
                .setOriginalHeaders(
                        List.of(new DeadLetterHeader("trace-id", bytes("t1")), new DeadLetterHeader("flag", null)))
                .setReason(DeadLetterReason.DESERIALIZATION_FAILED)
                .setMessage("Unknown magic byte 0x01")
                .setFailedAt(SUBMITTED.plusSeconds(1))
                .build();
    }

    private static ByteBuffer bytes(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    }
}
