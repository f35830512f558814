package org.aptituderouter.loadtest.chaos;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.common.serialization.Serializer;
import org.aptituderouter.schemas.avro.InstructionEvent;
import org.aptituderouter.schemas.avro.ModelCapability;
import org.aptituderouter.schemas.avro.PolicyType;
import org.aptituderouter.schemas.avro.RoutingConstraints;

/**
 * The bytes of each kind of poison record, made with the same Avro serializer (and registry) as good traffic, so
 * that only the intended part of each is wrong.
 */
final class PoisonRecords {

    /** Longer than any instruction the router accepts (65,536 characters). */
    static final int HUGE_TEXT_CHARS = 100_000;

    private static final String UTF8_MARKER = "@@INVALID-UTF8@@";
    /** Bytes that no UTF-8 decoder accepts: a lone continuation byte, an overlong lead, 0xFF, 0xFE. */
    private static final byte[] INVALID_UTF8 = {(byte) 0x80, (byte) 0xC0, (byte) 0xAF, (byte) 0xFF, (byte) 0xFE};

    private static final int UNKNOWN_SCHEMA_ID = 0x7FFF_FF00;

    private final Serializer<InstructionEvent> instructions;
    private final String instructionsTopic;
    private final Serializer<ModelCapability> capabilities;
    private final String capabilitiesTopic;
    private final ModelCapability template;
    private final Random random;

    /**
     * @param template a valid capability record, which the capability poison records each break in one way
     */
    PoisonRecords(
            Serializer<InstructionEvent> instructions,
            String instructionsTopic,
            Serializer<ModelCapability> capabilities,
            String capabilitiesTopic,
            ModelCapability template,
            long seed) {
        this.instructions = instructions;
        this.instructionsTopic = instructionsTopic;
        this.capabilities = capabilities;
        this.capabilitiesTopic = capabilitiesTopic;
        this.template = template;
        this.random = new Random(seed);
    }

    /** The value bytes of a poison instruction record keyed {@code key}. */
    byte[] instruction(PoisonKind kind, String key) {
        return switch (kind) {
            case RANDOM_BYTES -> {
                byte[] bytes = new byte[1 + random.nextInt(200)];
                random.nextBytes(bytes);
                bytes[0] = (byte) (1 + random.nextInt(255)); // never the wire format's magic byte 0
                yield bytes;
            }
            case TRUNCATED_AVRO -> {
                byte[] whole = serialize(event(key, "What is the boiling point of water at sea level?", null));
                yield Arrays.copyOf(whole, 5 + (whole.length - 5) / 3);
            }
            case UNKNOWN_SCHEMA_ID -> {
                byte[] bytes = serialize(event(key, "Which planet is the largest?", null));
                ByteBuffer.wrap(bytes).put(0, (byte) 0).putInt(1, UNKNOWN_SCHEMA_ID);
                yield bytes;
            }
            // a well-formed record of another registered schema, as a producer writing to the wrong topic sends it
            case OTHER_RECORD_SCHEMA -> capabilities.serialize(capabilitiesTopic, capability(key));
            case EMPTY_TEXT -> serialize(event(key, "", null));
            case WHITESPACE_TEXT -> serialize(event(key, " \t\n  \r\n", null));
            case HUGE_TEXT ->
                serialize(event(key, "Summarise this: " + "lorem ipsum ".repeat(HUGE_TEXT_CHARS / 12), null));
            case INVALID_UTF8 -> invalidUtf8(key);
            case UNKNOWN_MODELS ->
                serialize(event(
                        key,
                        "Translate 'good morning' into French.",
                        constraints(List.of("chaos-no-such-model-a", "chaos-no-such-model-b"), null, null, null)));
            case NEGATIVE_LAMBDA ->
                serialize(event(key, "Name three prime numbers.", constraints(List.of(), PolicyType.COST, -0.5, null)));
            case THRESHOLD_OUT_OF_RANGE ->
                serialize(event(
                        key, "What is the capital of Peru?", constraints(List.of(), PolicyType.THRESHOLD, null, 1.5)));
        };
    }

    /** The value bytes of a poison capability record keyed {@code key}; null for a tombstone. */
    byte[] capability(CapabilityPoisonKind kind, String key) {
        return switch (kind) {
            case WRONG_LENGTH -> {
                ModelCapability record = capability(key);
                record.setScores(new ArrayList<>(record.getScores().subList(0, 3)));
                yield capabilities.serialize(capabilitiesTopic, record);
            }
            case NAN_SCORE -> {
                ModelCapability record = capability(key);
                List<Float> scores = new ArrayList<>(record.getScores());
                scores.set(0, Float.NaN);
                record.setScores(scores);
                yield capabilities.serialize(capabilitiesTopic, record);
            }
            case WRONG_TEST_ID -> {
                ModelCapability record = capability(key);
                record.setAptitudeTestId("chaos-other-aptitude-test-v9");
                yield capabilities.serialize(capabilitiesTopic, record);
            }
            case GARBAGE_BYTES -> {
                byte[] bytes = new byte[1 + random.nextInt(100)];
                random.nextBytes(bytes);
                yield bytes;
            }
            case UNKNOWN_TOMBSTONE -> null;
        };
    }

    /** The template's capability under another model id, without evidence counts (so the scores are what count). */
    private ModelCapability capability(String modelId) {
        ModelCapability copy =
                ModelCapability.newBuilder(template).setModelId(modelId).build();
        copy.setAnswered(null);
        copy.setCorrect(null);
        return copy;
    }

    private byte[] invalidUtf8(String key) {
        byte[] bytes = serialize(event(key, "Explain this: " + UTF8_MARKER, null));
        byte[] marker = UTF8_MARKER.getBytes(StandardCharsets.UTF_8);
        int at = indexOf(bytes, marker);
        for (int i = 0; i < marker.length; i++) {
            bytes[at + i] = INVALID_UTF8[i % INVALID_UTF8.length];
        }
        return bytes;
    }

    private byte[] serialize(InstructionEvent event) {
        return instructions.serialize(instructionsTopic, event);
    }

    private static InstructionEvent event(String id, String text, RoutingConstraints constraints) {
        return InstructionEvent.newBuilder()
                .setId(id)
                .setText(text)
                .setTenant("chaos")
                .setSubmittedAt(Instant.now())
                .setConstraints(constraints)
                .setAttributes(Map.of())
                .build();
    }

    private static RoutingConstraints constraints(
            List<String> allowed, PolicyType policy, Double lambda, Double threshold) {
        return RoutingConstraints.newBuilder()
                .setAllowedModels(allowed)
                .setExcludedModels(List.of())
                .setPolicy(policy)
                .setLambda(lambda)
                .setThreshold(threshold)
                .build();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("the marker is not in the serialized record");
    }
}
