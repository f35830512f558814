package org.aptituderouter.trainer.data;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which model answered which question correctly. Stored as a dense byte matrix (question x model) because
 * every consumer walks it by index; {@link #MISSING} marks an empty cell (no result for that pair).
 */
public final class OutcomeTable {

    public static final byte MISSING = -1;

    private final List<String> modelIds;
    private final List<String> questionIds;
    private final byte[][] outcomes;
    private final Map<String, Integer> modelIndex = new HashMap<>();
    private final Map<String, Integer> questionIndex = new HashMap<>();

    public OutcomeTable(List<String> modelIds, List<String> questionIds, byte[][] outcomes) {
        if (questionIds.size() != outcomes.length) {
            throw new IllegalArgumentException("question ids and outcome rows differ in number");
        }
        this.modelIds = List.copyOf(modelIds);
        this.questionIds = List.copyOf(questionIds);
        this.outcomes = outcomes;
        for (int m = 0; m < this.modelIds.size(); m++) {
            if (modelIndex.put(this.modelIds.get(m), m) != null) {
                throw new IllegalArgumentException("duplicate model column " + this.modelIds.get(m));
            }
        }
        for (int q = 0; q < this.questionIds.size(); q++) {
            if (questionIndex.put(this.questionIds.get(q), q) != null) {
                throw new IllegalArgumentException("duplicate question row " + this.questionIds.get(q));
            }
            if (outcomes[q].length != this.modelIds.size()) {
                throw new IllegalArgumentException("question " + this.questionIds.get(q) + " has " + outcomes[q].length
                        + " outcomes for " + this.modelIds.size() + " models");
            }
        }
    }

    public List<String> modelIds() {
        return modelIds;
    }

    public List<String> questionIds() {
        return questionIds;
    }

    /** Column of a model, or -1 when the table has no such model. */
    public int modelIndex(String modelId) {
        return modelIndex.getOrDefault(modelId, -1);
    }

    /** Row of a question, or -1 when the table has no such question. */
    public int questionIndex(String questionId) {
        return questionIndex.getOrDefault(questionId, -1);
    }

    /** 1 correct, 0 wrong, {@link #MISSING} no result. */
    public byte outcome(int question, int model) {
        return outcomes[question][model];
    }

    public boolean complete(int question) {
        for (byte value : outcomes[question]) {
            if (value == MISSING) {
                return false;
            }
        }
        return true;
    }
}
