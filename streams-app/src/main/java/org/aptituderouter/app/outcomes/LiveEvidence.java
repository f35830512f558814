package org.aptituderouter.app.outcomes;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.aptituderouter.core.aptitude.TaskEvidence;
import org.aptituderouter.schemas.avro.ModelEvidence;

/** A model's counts from graded outcomes, per aptitude task, as the evidence counter keeps them in its store. */
public record LiveEvidence(String aptitudeTestId, int[] answered, int[] correct, long outcomes) {

    public static LiveEvidence none(String aptitudeTestId, int tasks) {
        return new LiveEvidence(aptitudeTestId, new int[tasks], new int[tasks], 0);
    }

    public LiveEvidence plus(int task, boolean right) {
        int[] a = answered.clone();
        int[] c = correct.clone();
        a[task]++;
        if (right) {
            c[task]++;
        }
        return new LiveEvidence(aptitudeTestId, a, c, outcomes + 1);
    }

    public TaskEvidence taskEvidence() {
        return new TaskEvidence(answered, correct);
    }

    public ModelEvidence toRecord(String modelId, long nowMs) {
        return ModelEvidence.newBuilder()
                .setModelId(modelId)
                .setAptitudeTestId(aptitudeTestId)
                .setAnswered(boxed(answered))
                .setCorrect(boxed(correct))
                .setOutcomes(outcomes)
                .setUpdatedAt(Instant.ofEpochMilli(nowMs))
                .build();
    }

    /** @throws IllegalArgumentException if the record's counts are inconsistent */
    public static LiveEvidence fromRecord(ModelEvidence record) {
        int[] answered =
                record.getAnswered().stream().mapToInt(Integer::intValue).toArray();
        int[] correct = record.getCorrect().stream().mapToInt(Integer::intValue).toArray();
        new TaskEvidence(answered, correct); // validates lengths and 0 <= correct <= answered
        return new LiveEvidence(record.getAptitudeTestId(), answered, correct, record.getOutcomes());
    }

    public byte[] toBytes() {
        byte[] test = aptitudeTestId.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ByteBuffer out = ByteBuffer.allocate(4 + test.length + 4 + 8 * answered.length + 8);
        out.putInt(test.length).put(test).putInt(answered.length);
        IntStream.range(0, answered.length).forEach(k -> out.putInt(answered[k]).putInt(correct[k]));
        return out.putLong(outcomes).array();
    }

    public static LiveEvidence fromBytes(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        byte[] test = new byte[in.getInt()];
        in.get(test);
        int tasks = in.getInt();
        int[] answered = new int[tasks];
        int[] correct = new int[tasks];
        for (int k = 0; k < tasks; k++) {
            answered[k] = in.getInt();
            correct[k] = in.getInt();
        }
        return new LiveEvidence(
                new String(test, java.nio.charset.StandardCharsets.UTF_8), answered, correct, in.getLong());
    }

    private static List<Integer> boxed(int[] counts) {
        return Arrays.stream(counts).boxed().toList();
    }
}
