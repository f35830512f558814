package org.aptituderouter.trainer.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * Partition of the models for leave-models-out cross-validation: dealt round-robin, in name order, into at most
 * {@code folds} folds (one model a fold when there are fewer models). Every model is scored by heads that never
 * saw it, so every zoo is routed among models the router knows only by their evidence.
 */
public final class ModelFolds {

    private ModelFolds() {}

    public static List<List<String>> of(List<String> allModels, int folds) {
        List<String> sorted = allModels.stream().sorted().toList();
        int count = Math.min(folds, sorted.size());
        List<List<String>> result = new ArrayList<>();
        for (int f = 0; f < count; f++) {
            List<String> fold = new ArrayList<>();
            for (int i = f; i < sorted.size(); i += count) {
                fold.add(sorted.get(i));
            }
            result.add(List.copyOf(fold));
        }
        return List.copyOf(result);
    }
}
