package org.aptituderouter.core.aptitude;

import java.util.List;

/** A model cannot be scored because it has no result for some aptitude-test questions. */
public class MissingAnswersException extends IllegalArgumentException {

    /** How many missing ids the message spells out; the full list stays available. */
    private static final int SHOWN = 20;

    private final String modelId;
    private final List<String> missingQuestionIds;

    public MissingAnswersException(String modelId, String testId, List<String> missingQuestionIds) {
        super(message(modelId, testId, missingQuestionIds));
        this.modelId = modelId;
        this.missingQuestionIds = List.copyOf(missingQuestionIds);
    }

    private static String message(String modelId, String testId, List<String> missing) {
        String shown = String.join(", ", missing.subList(0, Math.min(SHOWN, missing.size())));
        String more = missing.size() > SHOWN ? " and " + (missing.size() - SHOWN) + " more" : "";
        return "model " + modelId + " has no result for " + missing.size() + " question(s) of aptitude test " + testId
                + ": " + shown + more;
    }

    public String modelId() {
        return modelId;
    }

    public List<String> missingQuestionIds() {
        return missingQuestionIds;
    }
}
