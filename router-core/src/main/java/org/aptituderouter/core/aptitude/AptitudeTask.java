package org.aptituderouter.core.aptitude;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One task of the aptitude test: a named group of questions whose accuracy is one entry of a capability vector.
 *
 * @param name        e.g. {@code cluster-07} or {@code ori_mmlu-high_school_physics}
 * @param questionIds the questions asked, in the order they were chosen
 * @param weight      share of routed traffic that falls in this task (null: all tasks count alike); a model's
 *                    overall level is its task scores weighted by these
 * @param centroid    where the task sits in the encoder's embedding space (null for tests defined by labels):
 *                    an answered question counts as evidence for the task whose centroid is nearest
 * @param offset      how much harder or easier the task is than a model's overall level, in logits (mean over the
 *                    models the test was built from; null: 0). A task estimate with little evidence is shrunk
 *                    toward {@code sigmoid(logit(overall) + offset)}, not toward the overall level itself
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AptitudeTask(
        @JsonProperty("name") String name,
        @JsonProperty("question_ids") List<String> questionIds,
        @JsonProperty("weight") Double weight,
        @JsonProperty("centroid") float[] centroid,
        @JsonProperty("offset") Double offset) {

    public AptitudeTask {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("aptitude task without a name");
        }
        if (questionIds == null || questionIds.isEmpty()) {
            throw new IllegalArgumentException("aptitude task " + name + " has no questions");
        }
        if (questionIds.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("aptitude task " + name + " has a null question id");
        }
        questionIds = List.copyOf(questionIds);
        if (weight != null && !(weight >= 0 && Double.isFinite(weight))) {
            throw new IllegalArgumentException(
                    "aptitude task " + name + " has weight " + weight + "; expected a non-negative number");
        }
        centroid = centroid == null ? null : centroid.clone();
        if (offset != null && !Double.isFinite(offset)) {
            throw new IllegalArgumentException("aptitude task " + name + " has offset " + offset);
        }
    }

    /** A task defined by its questions alone. */
    public AptitudeTask(String name, List<String> questionIds) {
        this(name, questionIds, null, null, null);
    }

    public AptitudeTask(String name, List<String> questionIds, Double weight, float[] centroid) {
        this(name, questionIds, weight, centroid, null);
    }

    @Override
    public float[] centroid() {
        return centroid == null ? null : centroid.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AptitudeTask t
                && name.equals(t.name)
                && questionIds.equals(t.questionIds)
                && Objects.equals(weight, t.weight)
                && Arrays.equals(centroid, t.centroid)
                && Objects.equals(offset, t.offset);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, questionIds, weight, Arrays.hashCode(centroid), offset);
    }

    @Override
    public String toString() {
        return "AptitudeTask[" + name + ", " + questionIds.size() + " questions, weight=" + weight + "]";
    }
}
