package org.aptituderouter.app.capability;

import java.util.ArrayList;
import java.util.List;
import org.aptituderouter.core.capability.Candidate;
import org.aptituderouter.core.capability.ModelStatus;
import org.aptituderouter.schemas.avro.ModelCapability;

/** Converts between the Avro capability record on the topic and router-core's candidate. */
public final class CapabilityRecords {

    private CapabilityRecords() {
    }

    /**
     * @param key the record key, which must name the same model: compaction and tombstones work by key
     * @throws IllegalArgumentException if the record does not describe the keyed model
     */
    public static Candidate toCandidate(String key, ModelCapability record) {
        if (record.getModelId() == null || !record.getModelId().equals(key)) {
            throw new IllegalArgumentException("record key '" + key + "' differs from its model_id '"
                    + record.getModelId() + "'");
        }
        List<Float> scores = record.getScores();
        float[] vector = new float[scores.size()];
        for (int i = 0; i < vector.length; i++) {
            if (scores.get(i) == null) {
                throw new IllegalArgumentException("score " + i + " of " + key + " is null");
            }
            vector[i] = scores.get(i);
        }
        ModelStatus status = record.getStatus() == null ? ModelStatus.ACTIVE : ModelStatus.valueOf(record.getStatus().name());
        return new Candidate(key, record.getAptitudeTestId(), vector, record.getCost(), status);
    }

    public static ModelCapability toRecord(Candidate candidate) {
        float[] scores = candidate.scores();
        List<Float> values = new ArrayList<>(scores.length);
        for (float score : scores) {
            values.add(score);
        }
        return ModelCapability.newBuilder()
                .setModelId(candidate.modelId())
                .setAptitudeTestId(candidate.aptitudeTestId())
                .setScores(values)
                .setCost(candidate.cost())
                .setStatus(org.aptituderouter.schemas.avro.ModelStatus.valueOf(candidate.status().name()))
                .build();
    }
}
