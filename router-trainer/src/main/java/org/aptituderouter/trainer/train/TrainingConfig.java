package org.aptituderouter.trainer.train;

/**
 * Optimisation settings of one training run.
 *
 * @param maxEpochs      upper bound; early stopping usually ends the run before
 * @param patience       epochs without a better validation loss before stopping (the best epoch's weights win)
 * @param seed           seeds the validation split; ensemble member i trains with seed + i
 * @param bootstrap      train on resampled capability vectors (see {@link CapabilityBootstrap})
 * @param ensembleSize   heads trained from consecutive seeds and averaged (see {@link HeadEnsemble})
 */
public record TrainingConfig(int maxEpochs, int batchSize, float learningRate, float weightDecay, int patience,
    long seed, boolean bootstrap, int ensembleSize) {

  public static TrainingConfig defaults(long seed) {
    return new TrainingConfig(60, 128, 1e-3f, 1e-2f, 6, seed, true, 5);
  }

  public TrainingConfig withMaxEpochs(int epochs) {
    return new TrainingConfig(epochs, batchSize, learningRate, weightDecay, patience, seed, bootstrap, ensembleSize);
  }

  public TrainingConfig withSeed(long newSeed) {
    return new TrainingConfig(maxEpochs, batchSize, learningRate, weightDecay, patience, newSeed, bootstrap, ensembleSize);
  }

  /** The config of ensemble member {@code index}: same settings, its own seed. */
  TrainingConfig member(int index) {
    return withSeed(seed + index);
  }
}
