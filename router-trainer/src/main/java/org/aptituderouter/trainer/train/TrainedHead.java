package org.aptituderouter.trainer.train;

/**
 * The outcome of one training run: the best epoch's weights and how it went.
 *
 * @param validationAuc ranking quality of the predictions on the validation questions (training models)
 */
public record TrainedHead(
        HeadWeights weights,
        int epochsRun,
        int bestEpoch,
        double trainLoss,
        double validationLoss,
        double validationAuc,
        double seconds) {}
