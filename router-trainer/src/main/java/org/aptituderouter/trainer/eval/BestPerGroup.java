package org.aptituderouter.trainer.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.aptituderouter.trainer.data.OutcomeTable;

/**
 * Per group of questions (source subject or category), the model with the best accuracy on that group's training
 * questions; a group without training questions gets the best single model.
 */
public final class BestPerGroup implements RoutingMethod {

    private final String name;
    private final OutcomeTable outcomes;
    private final IntFunction<String> groupOfRow;

    public BestPerGroup(String name, OutcomeTable outcomes, IntFunction<String> groupOfRow) {
        this.name = name;
        this.outcomes = outcomes;
        this.groupOfRow = groupOfRow;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int[] choose(Zoo zoo, QuestionFold fold) {
        Map<String, List<Integer>> rowsByGroup = new HashMap<>();
        for (int row : fold.trainRows()) {
            rowsByGroup
                    .computeIfAbsent(groupOfRow.apply(row), group -> new ArrayList<>())
                    .add(row);
        }
        Map<String, Integer> bestByGroup = new HashMap<>();
        rowsByGroup.forEach((group, rows) -> bestByGroup.put(
                group,
                ZooAccuracy.argmax(ZooAccuracy.of(
                        outcomes, zoo, rows.stream().mapToInt(Integer::intValue).toArray()))));
        int fallback = ZooAccuracy.argmax(ZooAccuracy.of(outcomes, zoo, fold.trainRows()));
        int[] choices = new int[fold.evalRows().length];
        for (int i = 0; i < choices.length; i++) {
            choices[i] = bestByGroup.getOrDefault(groupOfRow.apply(fold.evalRows()[i]), fallback);
        }
        return choices;
    }
}
