package org.aptituderouter.app.outcomes;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.aptituderouter.core.aptitude.OutcomeCorrection;
import org.aptituderouter.core.aptitude.TaskEvidence;
import org.aptituderouter.schemas.avro.ModelEvidence;
import org.aptituderouter.schemas.avro.OutcomeCorrectionWeights;

/**
 * A model's counts from graded outcomes, per aptitude task, as the evidence counter keeps them in its store, with the
 * correction the outcomes taught the scorer.
 *
 * @param routerVersion the router whose probabilities {@code correction} corrects; null with it
 * @param correction    null until an outcome could be learned from
 */
public record LiveEvidence(
        String aptitudeTestId,
        int[] answered,
        int[] correct,
        long outcomes,
        String routerVersion,
        OutcomeCorrection correction) {

    public LiveEvidence {
        if ((routerVersion == null) != (correction == null)) {
            throw new IllegalArgumentException("a correction needs the router version it corrects, and only it");
        }
    }

    public static LiveEvidence none(String aptitudeTestId, int tasks) {
        return new LiveEvidence(aptitudeTestId, new int[tasks], new int[tasks], 0, null, null);
    }

    public LiveEvidence plus(int task, boolean right) {
        int[] a = answered.clone();
        int[] c = correct.clone();
        a[task]++;
        if (right) {
            c[task]++;
        }
        return new LiveEvidence(aptitudeTestId, a, c, outcomes + 1, routerVersion, correction);
    }

    /** This evidence with its correction after one more outcome, for {@code router}: another router's starts over. */
    public LiveEvidence learned(String router, float[] embedding, float probability, boolean right) {
        OutcomeCorrection from = router.equals(routerVersion) && correction.dimension() == embedding.length
                ? correction
                : OutcomeCorrection.prior(embedding.length);
        return new LiveEvidence(
                aptitudeTestId, answered, correct, outcomes, router, from.after(embedding, probability, right ? 1 : 0));
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
                .setCorrection(
                        correction == null
                                ? null
                                : OutcomeCorrectionWeights.newBuilder()
                                        .setRouterVersion(routerVersion)
                                        .setMean(Arrays.stream(correction.mean())
                                                .boxed()
                                                .toList())
                                        .setVariance(Arrays.stream(correction.variance())
                                                .boxed()
                                                .toList())
                                        .setOutcomes(correction.outcomes())
                                        .build())
                .build();
    }

    /** @throws IllegalArgumentException if the record's counts or weights are inconsistent */
    public static LiveEvidence fromRecord(ModelEvidence record) {
        int[] answered =
                record.getAnswered().stream().mapToInt(Integer::intValue).toArray();
        int[] correct = record.getCorrect().stream().mapToInt(Integer::intValue).toArray();
        new TaskEvidence(answered, correct); // validates lengths and 0 <= correct <= answered
        OutcomeCorrectionWeights weights = record.getCorrection();
        return new LiveEvidence(
                record.getAptitudeTestId(),
                answered,
                correct,
                record.getOutcomes(),
                weights == null ? null : weights.getRouterVersion(),
                weights == null
                        ? null
                        : new OutcomeCorrection(
                                weights.getMean().stream()
                                        .mapToDouble(Double::doubleValue)
                                        .toArray(),
                                weights.getVariance().stream()
                                        .mapToDouble(Double::doubleValue)
                                        .toArray(),
                                weights.getOutcomes()));
    }

    /** The store's format: counts, then (where there is one) the correction; entries without one still read. */
    public byte[] toBytes() {
        byte[] test = aptitudeTestId.getBytes(StandardCharsets.UTF_8);
        byte[] router = routerVersion == null ? new byte[0] : routerVersion.getBytes(StandardCharsets.UTF_8);
        int weights = correction == null ? 0 : correction.mean().length;
        ByteBuffer out = ByteBuffer.allocate(
                4 + test.length + 4 + 8 * answered.length + 8 + 4 + router.length + 4 + 16 * weights + 8);
        out.putInt(test.length).put(test).putInt(answered.length);
        IntStream.range(0, answered.length).forEach(k -> out.putInt(answered[k]).putInt(correct[k]));
        out.putLong(outcomes);
        out.putInt(router.length).put(router).putInt(weights);
        if (correction != null) {
            Arrays.stream(correction.mean()).forEach(out::putDouble);
            Arrays.stream(correction.variance()).forEach(out::putDouble);
            out.putLong(correction.outcomes());
        } else {
            out.putLong(0);
        }
        return out.array();
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
        long outcomes = in.getLong();
        String testId = new String(test, StandardCharsets.UTF_8);
        if (!in.hasRemaining()) { // written before corrections existed
            return new LiveEvidence(testId, answered, correct, outcomes, null, null);
        }
        byte[] router = new byte[in.getInt()];
        in.get(router);
        int weights = in.getInt();
        if (weights == 0) {
            return new LiveEvidence(testId, answered, correct, outcomes, null, null);
        }
        double[] mean = new double[weights];
        double[] variance = new double[weights];
        for (int j = 0; j < weights; j++) {
            mean[j] = in.getDouble();
        }
        for (int j = 0; j < weights; j++) {
            variance[j] = in.getDouble();
        }
        return new LiveEvidence(
                testId,
                answered,
                correct,
                outcomes,
                new String(router, StandardCharsets.UTF_8),
                new OutcomeCorrection(mean, variance, in.getLong()));
    }

    private static List<Integer> boxed(int[] counts) {
        return Arrays.stream(counts).boxed().toList();
    }
}
