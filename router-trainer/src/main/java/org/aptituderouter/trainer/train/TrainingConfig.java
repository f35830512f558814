package org.aptituderouter.trainer.train;

/**
 * Optimisation settings of one training run.
 *
 * @param maxEpochs      upper bound; early stopping usually ends the run before
 * @param patience       epochs without a better validation loss before stopping (the best epoch's weights win)
 * @param bootstrap      train on resampled capability vectors (see {@link CapabilityBootstrap})
 */
public record TrainingConfig(int maxEpochs, int batchSize, float learningRate, float weightDecay, int patience,
    long seed, boolean bootstrap) {

  public static TrainingConfig defaults(long seed) {
    return new TrainingConfig(60, 128, 1e-3f, 1e-2f, 6, seed, true);
  }

  public TrainingConfig withMaxEpochs(int epochs) {
    return new TrainingConfig(epochs, batchSize, learningRate, weightDecay, patience, seed, bootstrap);
  }

  public TrainingConfig withSeed(long newSeed) {
    return new TrainingConfig(maxEpochs, batchSize, learningRate, weightDecay, patience, newSeed, bootstrap);
  }
}
