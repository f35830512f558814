package org.aptituderouter.app.outcomes;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * An outcome that passed every check, on its way (keyed by model id) to the model's evidence: which task it counts
 * toward and whether the answer was correct.
 */
public record GradedOutcome(String instructionId, int task, boolean correct) {

    /** The repartition topic's serde: task, correct flag, instruction id. */
    public static Serde<GradedOutcome> serde() {
        return Serdes.serdeFrom(
                (topic, graded) -> {
                    if (graded == null) {
                        return null;
                    }
                    byte[] id = graded.instructionId().getBytes(StandardCharsets.UTF_8);
                    return ByteBuffer.allocate(5 + id.length)
                            .putInt(graded.task())
                            .put((byte) (graded.correct() ? 1 : 0))
                            .put(id)
                            .array();
                },
                (topic, bytes) -> {
                    if (bytes == null) {
                        return null;
                    }
                    ByteBuffer in = ByteBuffer.wrap(bytes);
                    int task = in.getInt();
                    boolean correct = in.get() == 1;
                    return new GradedOutcome(
                            new String(bytes, 5, bytes.length - 5, StandardCharsets.UTF_8), task, correct);
                });
    }
}
