package org.aptituderouter.trainer.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Activation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Probabilities [B][M] from trained weights, computed with the training network in inference batches. */
public final class HeadPredictor {

    private static final int BATCH = 512;

    private HeadPredictor() {}

    /** The ensemble's probability: sigmoid of the members' mean logit, as the exported graph computes it. */
    public static float[][] predict(HeadEnsemble ensemble, float[][] embeddings, float[][] capabilities) {
        try (NDManager manager = TrainingEngine.pytorch().newBaseManager()) {
            List<ScorerNetwork> networks = new ArrayList<>();
            for (HeadWeights member : ensemble.members()) {
                networks.add(new ScorerNetwork(manager, member));
            }
            return predict(networks, embeddings, capabilities);
        }
    }

    static float[][] predict(List<ScorerNetwork> networks, float[][] embeddings, float[][] capabilities) {
        float[][] out = new float[embeddings.length][];
        if (embeddings.length == 0 || capabilities.length == 0) {
            Arrays.setAll(out, i -> new float[capabilities.length]);
            return out;
        }
        NDManager parent = networks.get(0).manager();
        try (NDManager step = parent.newSubManager()) {
            NDArray c = step.create(capabilities);
            for (int start = 0; start < embeddings.length; start += BATCH) {
                int end = Math.min(start + BATCH, embeddings.length);
                float[][] rows = Arrays.copyOfRange(embeddings, start, end);
                try (NDManager batch = step.newSubManager()) {
                    NDArray e = batch.create(rows);
                    NDArray logits = networks.get(0).logits(e, c);
                    for (int i = 1; i < networks.size(); i++) {
                        logits = logits.add(networks.get(i).logits(e, c));
                    }
                    float[] flat =
                            Activation.sigmoid(logits.div(networks.size())).toFloatArray();
                    for (int b = 0; b < rows.length; b++) {
                        out[start + b] =
                                Arrays.copyOfRange(flat, b * capabilities.length, (b + 1) * capabilities.length);
                    }
                }
            }
        }
        return out;
    }
}
