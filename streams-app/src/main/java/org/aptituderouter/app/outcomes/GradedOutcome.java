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

    /**
     * Ends a record that carries the text. 0xFF and 0xFE never occur in UTF-8, so no instruction id of the earlier
     * format ends with it.
     */
    private static final int TRAILER = 0xFFFE5431;

    public GradedOutcome {
        text = text == null ? "" : text;
    }

    /**
     * The repartition topic's serde: task, correct flag, instruction id, then the text, its length and a trailer. A
     * router of the version before reads task, flag and (unused) id as it always did, so a rolling upgrade or a
     * rollback counts every outcome right; records of that version (no trailer) read here without text.
     */
    public static Serde<GradedOutcome> serde() {
        return Serdes.serdeFrom(
                (topic, graded) -> {
                    if (graded == null) {
                        return null;
                    }
                    byte[] id = graded.instructionId().getBytes(StandardCharsets.UTF_8);
                    byte[] text = graded.text().getBytes(StandardCharsets.UTF_8);
                    return ByteBuffer.allocate(4 + 1 + id.length + text.length + 4 + 4)
                            .putInt(graded.task())
                            .put((byte) (graded.correct() ? 1 : 0))
                            .put(id)
                            .put(text)
                            .putInt(text.length)
                            .putInt(TRAILER)
                            .array();
                },
                (topic, bytes) -> {
                    if (bytes == null) {
                        return null;
                    }
                    ByteBuffer in = ByteBuffer.wrap(bytes);
                    int task = in.getInt();
                    boolean correct = in.get() == 1;
                    int end = bytes.length;
                    if (end >= 13 && in.getInt(end - 4) == TRAILER) {
                        int textLength = in.getInt(end - 8);
                        int textStart = end - 8 - textLength;
                        if (textLength >= 0 && textStart >= 5) {
                            return new GradedOutcome(
                                    new String(bytes, 5, textStart - 5, StandardCharsets.UTF_8),
                                    task,
                                    correct,
                                    new String(bytes, textStart, textLength, StandardCharsets.UTF_8));
                        }
                    }
                    return new GradedOutcome(new String(bytes, 5, end - 5, StandardCharsets.UTF_8), task, correct, "");
                });
    }
}
