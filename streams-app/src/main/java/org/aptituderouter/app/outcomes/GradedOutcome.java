package org.aptituderouter.app.outcomes;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * An outcome that passed every check, on its way (keyed by model id) to the model's evidence: which task it counts
 * toward, whether the answer was correct, and the instruction's text for the model's correction ("" where the
 * decision index did not keep it).
 */
public record GradedOutcome(String instructionId, int task, boolean correct, String text) {

    /** Set in the flags byte of records that carry the text (those without it came from routers before it). */
    private static final byte WITH_TEXT = 2;

    public GradedOutcome {
        text = text == null ? "" : text;
    }

    /**
     * The repartition topic's serde: task, flags (bit 0 correct, bit 1 lengths and text follow), instruction id, text.
     * Records of the earlier format (task, correct flag, instruction id) still read, without text.
     */
    public static Serde<GradedOutcome> serde() {
        return Serdes.serdeFrom(
                (topic, graded) -> {
                    if (graded == null) {
                        return null;
                    }
                    byte[] id = graded.instructionId().getBytes(StandardCharsets.UTF_8);
                    byte[] text = graded.text().getBytes(StandardCharsets.UTF_8);
                    return ByteBuffer.allocate(4 + 1 + 4 + id.length + text.length)
                            .putInt(graded.task())
                            .put((byte) (WITH_TEXT | (graded.correct() ? 1 : 0)))
                            .putInt(id.length)
                            .put(id)
                            .put(text)
                            .array();
                },
                (topic, bytes) -> {
                    if (bytes == null) {
                        return null;
                    }
                    ByteBuffer in = ByteBuffer.wrap(bytes);
                    int task = in.getInt();
                    byte flags = in.get();
                    boolean correct = (flags & 1) == 1;
                    if ((flags & WITH_TEXT) == 0) {
                        return new GradedOutcome(
                                new String(bytes, 5, bytes.length - 5, StandardCharsets.UTF_8), task, correct, "");
                    }
                    int idLength = in.getInt();
                    String id = new String(bytes, 9, idLength, StandardCharsets.UTF_8);
                    String text = new String(bytes, 9 + idLength, bytes.length - 9 - idLength, StandardCharsets.UTF_8);
                    return new GradedOutcome(id, task, correct, text);
                });
    }
}
