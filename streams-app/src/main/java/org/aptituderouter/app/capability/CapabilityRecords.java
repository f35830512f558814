package org.aptituderouter.app.capability;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.aptituderouter.core.aptitude.TaskEvidence;
import org.aptituderouter.core.capability.Candidate;
import org.aptituderouter.core.capability.ModelStatus;
import org.aptituderouter.schemas.avro.ModelCapability;

/** Converts between the Avro capability record on the topic and router-core's candidate. */
public final class CapabilityRecords {

    private CapabilityRecords() {}

    /**
     * @param key the record key, which must name the same model: compaction and tombstones work by key
     * @throws IllegalArgumentException if the record does not describe the keyed model
     */
    public static Candidate toCandidate(String key, ModelCapability record) {
        if (record.getModelId() == null || !record.getModelId().equals(key)) {
            throw new IllegalArgumentException(
                    "record key '" + key + "' differs from its model_id '" + record.getModelId() + "'");
        }
        List<Float> scores = record.getScores();
        float[] vector = new float[scores.size()];
        for (int i = 0; i < vector.length; i++) {
            if (scores.get(i) == null) {
                throw new IllegalArgumentException("score " + i + " of " + key + " is null");
            }
            vector[i] = scores.get(i);
        }
        ModelStatus status = record.getStatus() == null
                ? ModelStatus.ACTIVE
                : ModelStatus.valueOf(record.getStatus().name());
        return new Candidate(key, record.getAptitudeTestId(), vector, record.getCost(), status, evidence(key, record));
    }

    private static TaskEvidence evidence(String key, ModelCapability record) {
        List<Integer> answered = record.getAnswered();
        List<Integer> correct = record.getCorrect();
        if (answered == null && correct == null) {
            return null;
        }
        if (answered == null || correct == null) {
            throw new IllegalArgumentException(
                    "capability of " + key + " has one of answered/correct without the other");
        }
        if (answered.contains(null) || correct.contains(null)) {
            throw new IllegalArgumentException("capability of " + key + " has a null evidence count");
        }
        return new TaskEvidence(
                answered.stream().mapToInt(Integer::intValue).toArray(),
                correct.stream().mapToInt(Integer::intValue).toArray());
    }

    public static ModelCapability toRecord(Candidate candidate) {
        float[] scores = candidate.scores();
        List<Float> values = new ArrayList<>(scores.length);
        for (float score : scores) {
            values.add(score);
        }
        TaskEvidence evidence = candidate.evidence();
        return ModelCapability.newBuilder()
                .setModelId(candidate.modelId())
                .setAptitudeTestId(candidate.aptitudeTestId())
                .setScores(values)
                .setCost(candidate.cost())
                .setStatus(org.aptituderouter.schemas.avro.ModelStatus.valueOf(
                        candidate.status().name()))
                .setAnswered(
                        evidence == null
                                ? null
                                : Arrays.stream(evidence.answered()).boxed().toList())
                .setCorrect(
                        evidence == null
                                ? null
                                : Arrays.stream(evidence.correct()).boxed().toList())
                .build();
    }

    /**
     * The capacity the record declares, or null for none.
     *
     * @throws IllegalArgumentException for a negative max_lag, or one without a worker group
     */
    public static LiveCapabilities.Capacity capacity(ModelCapability record) {
        if (record.getMaxLag() == null) {
            return null;
        }
        if (record.getMaxLag() < 0) {
            throw new IllegalArgumentException("max_lag must be at least 0, was " + record.getMaxLag());
        }
        if (record.getWorkerGroup() == null || record.getWorkerGroup().isBlank()) {
            throw new IllegalArgumentException("max_lag " + record.getMaxLag() + " needs worker_group, the consumer "
                    + "group of the model's workers whose lag it bounds");
        }
        return new LiveCapabilities.Capacity(record.getMaxLag(), record.getWorkerGroup());
    }
}
