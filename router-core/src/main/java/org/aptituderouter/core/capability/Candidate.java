package org.aptituderouter.core.capability;

import java.util.Arrays;
import java.util.Objects;
import org.aptituderouter.core.aptitude.OutcomeCorrection;
import org.aptituderouter.core.aptitude.TaskEvidence;

/**
 * A model the router may choose, known only by its aptitude-test results. Immutable: the scores are copied in
 * and out. Whether the values make sense is checked when the candidate joins a {@link CapabilitySet}.
 *
 * @param scores   estimated accuracy per aptitude-test task, in task order: what the scorer reads
 * @param cost     relative price of sending an instruction to this model (the zoo uses billions of parameters)
 * @param evidence the answered/correct counts per task the scores were estimated from; null when the publisher
 *                 sent scores only
 * @param correction what the model's graded outcomes correct in the scorer's probabilities for it; null before any
 */
public record Candidate(
        String modelId,
        String aptitudeTestId,
        float[] scores,
        double cost,
        ModelStatus status,
        TaskEvidence evidence,
        OutcomeCorrection correction) {

    /** Cost of a model that publishes none. */
    public static final double DEFAULT_COST = 1.0;

    public Candidate {
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(aptitudeTestId, "aptitudeTestId of " + modelId);
        Objects.requireNonNull(scores, "scores of " + modelId);
        Objects.requireNonNull(status, "status of " + modelId);
        scores = scores.clone();
    }

    public Candidate(
            String modelId,
            String aptitudeTestId,
            float[] scores,
            double cost,
            ModelStatus status,
            TaskEvidence evidence) {
        this(modelId, aptitudeTestId, scores, cost, status, evidence, null);
    }

    public Candidate(String modelId, String aptitudeTestId, float[] scores, double cost, ModelStatus status) {
        this(modelId, aptitudeTestId, scores, cost, status, null);
    }

    public Candidate(String modelId, String aptitudeTestId, float[] scores, double cost) {
        this(modelId, aptitudeTestId, scores, cost, ModelStatus.ACTIVE);
    }

    @Override
    public float[] scores() {
        return scores.clone();
    }

    public Candidate withStatus(ModelStatus newStatus) {
        return new Candidate(modelId, aptitudeTestId, scores, cost, newStatus, evidence, correction);
    }

    /** This candidate with the correction its graded outcomes taught (null for none). */
    public Candidate withCorrection(OutcomeCorrection learned) {
        return new Candidate(modelId, aptitudeTestId, scores, cost, status, evidence, learned);
    }

    public boolean routable() {
        return status == ModelStatus.ACTIVE;
    }

    /** The score at one task without copying the vector. */
    public float score(int task) {
        return scores[task];
    }

    public int dimension() {
        return scores.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Candidate c
                && modelId.equals(c.modelId)
                && aptitudeTestId.equals(c.aptitudeTestId)
                && Arrays.equals(scores, c.scores)
                && Double.compare(cost, c.cost) == 0
                && status == c.status
                && Objects.equals(evidence, c.evidence)
                && Objects.equals(correction, c.correction);
    }

    @Override
    public int hashCode() {
        return Objects.hash(modelId, aptitudeTestId, Arrays.hashCode(scores), cost, status, evidence, correction);
    }

    @Override
    public String toString() {
        return "Candidate[" + modelId + ", test=" + aptitudeTestId + ", scores=" + Arrays.toString(scores)
                + ", cost=" + cost + ", " + status + (evidence == null ? "" : ", " + evidence.total() + " answers")
                + (correction == null ? "" : ", corrected by " + correction.outcomes() + " outcomes") + "]";
    }
}
