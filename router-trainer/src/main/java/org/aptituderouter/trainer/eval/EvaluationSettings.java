package org.aptituderouter.trainer.eval;

import org.aptituderouter.trainer.train.HeadArchitecture;
import org.aptituderouter.trainer.train.TrainingConfig;

/**
 * @param questionFolds  folds over the routing questions; each head trains on all but one
 * @param modelFolds     most folds the models are dealt into (see {@link ModelFolds})
 * @param neighbours     k of the kNN baseline
 */
public record EvaluationSettings(
        HeadArchitecture architecture, TrainingConfig training, int questionFolds, int modelFolds, int neighbours) {

    public static EvaluationSettings defaults(HeadArchitecture architecture, TrainingConfig training) {
        return new EvaluationSettings(architecture, training, 2, 6, 25);
    }
}
