package org.aptituderouter.trainer.aptitude;

import java.util.HashMap;
import java.util.Map;
import org.aptituderouter.core.aptitude.AptitudeTest;
import org.aptituderouter.trainer.data.OutcomeTable;

/**
 * A model's answers, taken from an outcome table: what router-core's {@link AptitudeTest#evidence} counts.
 */
public final class AptitudeAnswers {

    private AptitudeAnswers() {}

    /** Question id to correct, for the questions the table has a result for (missing ones are left out). */
    public static Map<String, Boolean> of(OutcomeTable outcomes, String modelId) {
        int model = outcomes.modelIndex(modelId);
        if (model < 0) {
            throw new IllegalArgumentException("model " + modelId + " is not a column of the outcomes");
        }
        Map<String, Boolean> answers = new HashMap<>();
        for (int row = 0; row < outcomes.questionIds().size(); row++) {
            byte outcome = outcomes.outcome(row, model);
            if (outcome != OutcomeTable.MISSING) {
                answers.put(outcomes.questionIds().get(row), outcome == 1);
            }
        }
        return answers;
    }
}
