package org.aptituderouter.core.aptitude;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;

/**
 * One task of the aptitude test: a named group of questions whose accuracy is one entry of a capability vector.
 *
 * @param name        e.g. {@code ori_mmlu-high_school_physics}
 * @param questionIds the questions asked, in the order they were chosen
 */
public record AptitudeTask(
        @JsonProperty("name") String name,
        @JsonProperty("question_ids") List<String> questionIds) {

    public AptitudeTask {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("aptitude task without a name");
        }
        if (questionIds == null || questionIds.isEmpty()) {
            throw new IllegalArgumentException("aptitude task " + name + " has no questions");
        }
        questionIds = List.copyOf(questionIds);
        questionIds.forEach(id -> Objects.requireNonNull(id, "question id in task " + name));
    }
}
