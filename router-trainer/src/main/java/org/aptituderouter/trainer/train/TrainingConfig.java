package org.aptituderouter.trainer.train;

/**
 * Optimisation settings of one training run.
 *
 * @param maxEpochs      upper bound; early stopping usually ends the run before
 * @param patience       epochs without a better validation loss before stopping (the best epoch's weights win)
 * @param seed           seeds the validation split; ensemble member i trains with seed + i
 * @param ensembleSize   heads trained from consecutive seeds and averaged (see {@link HeadEnsemble})
 */
public record TrainingConfig(
        int maxEpochs,
        int batchSize,
        float learningRate,
        float weightDecay,
        int patience,
        long seed,
        int ensembleSize) {

    /**
     * A head of a few hundred parameters converges in a few epochs; one member suffices (averaging seeds only
     * helped the earlier, larger head, whose decisions hinged on seed noise).
     */
    public static TrainingConfig defaults(long seed) {
        return new TrainingConfig(40, 128, 1e-2f, 1e-4f, 4, seed, 1);
    }

    public TrainingConfig withMaxEpochs(int epochs) {
        return new TrainingConfig(epochs, batchSize, learningRate, weightDecay, patience, seed, ensembleSize);
    }

    public TrainingConfig withSeed(long newSeed) {
        return new TrainingConfig(maxEpochs, batchSize, learningRate, weightDecay, patience, newSeed, ensembleSize);
    }

    /** The config of ensemble member {@code index}: same settings, its own seed. */
    TrainingConfig member(int index) {
        return withSeed(seed + index);
    }
}
