package org.aptituderouter.trainer.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/** Probabilities [B][M] from head weights, computed with the training network in inference batches. */
public final class HeadPredictor {

  private static final int BATCH = 512;

  private HeadPredictor() {}

  public static float[][] predict(HeadWeights weights, float[][] embeddings, float[][] capabilities) {
    try (NDManager manager = TrainingEngine.pytorch().newBaseManager();
        ScorerNetwork network = new ScorerNetwork(manager, weights)) {
      return predict(network, embeddings, capabilities);
    }
  }

  static float[][] predict(ScorerNetwork network, float[][] embeddings, float[][] capabilities) {
    float[][] out = new float[embeddings.length][];
    if (embeddings.length == 0 || capabilities.length == 0) {
      java.util.Arrays.setAll(out, i -> new float[capabilities.length]);
      return out;
    }
    try (NDManager step = network.manager().newSubManager()) {
      NDArray c = step.create(capabilities);
      for (int start = 0; start < embeddings.length; start += BATCH) {
        int end = Math.min(start + BATCH, embeddings.length);
        float[][] rows = java.util.Arrays.copyOfRange(embeddings, start, end);
        try (NDManager batch = step.newSubManager()) {
          float[] flat = network.probabilities(batch.create(rows), c).toFloatArray();
          for (int b = 0; b < rows.length; b++) {
            out[start + b] = java.util.Arrays.copyOfRange(flat, b * capabilities.length, (b + 1) * capabilities.length);
          }
        }
      }
    }
    return out;
  }
}
