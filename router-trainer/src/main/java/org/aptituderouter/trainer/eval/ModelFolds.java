package org.aptituderouter.trainer.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * Partition of the models for leave-models-out cross-validation. The small zoo is one fold and the rest of the
 * middle zoo another, so each zoo model is scored by a head that never saw it (the small zoo by one head that saw
 * none of it); the remaining models are dealt round-robin, in name order, into further folds.
 */
public final class ModelFolds {

  private ModelFolds() {}

  public static List<List<String>> of(List<String> allModels, int otherFolds) {
    List<List<String>> folds = new ArrayList<>();
    folds.add(Zoo.SMALL);
    folds.add(Zoo.MIDDLE_EXTRA);
    List<String> others = allModels.stream()
        .filter(model -> !Zoo.SMALL.contains(model) && !Zoo.MIDDLE_EXTRA.contains(model))
        .sorted()
        .toList();
    for (int f = 0; f < otherFolds; f++) {
      List<String> fold = new ArrayList<>();
      for (int i = f; i < others.size(); i += otherFolds) {
        fold.add(others.get(i));
      }
      folds.add(List.copyOf(fold));
    }
    return List.copyOf(folds);
  }
}
