package org.aptituderouter.trainer.train;

import static org.aptituderouter.trainer.train.HeadArchitecture.ABILITY_SCALE;
import static org.aptituderouter.trainer.train.HeadArchitecture.CENTROIDS;
import static org.aptituderouter.trainer.train.HeadArchitecture.EASINESS_B;
import static org.aptituderouter.trainer.train.HeadArchitecture.EASINESS_W;
import static org.aptituderouter.trainer.train.HeadArchitecture.SHARPNESS;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The scorer head as DJL NDArray operations: the training-time twin of the graph {@code OnnxHeadExporter}
 * writes. The two must compute the same function; a test holds them to 1e-5.
 */
public final class ScorerNetwork implements AutoCloseable {

    private final NDManager manager;
    private final Map<String, NDArray> parameters = new LinkedHashMap<>();

    public ScorerNetwork(NDManager parent, HeadWeights weights) {
        this.manager = parent.newSubManager();
        weights.values()
                .forEach(
                        (name, values) -> parameters.put(name, manager.create(values, new Shape(weights.shape(name)))));
    }

    public NDManager manager() {
        return manager;
    }

    /** Parameters by name, live: the trainer attaches gradients to them and updates them in place. */
    public Map<String, NDArray> parameters() {
        return parameters;
    }

    /** Logits [B, M] for embeddings [B, D] and capability vectors [M, K]. */
    public NDArray logits(NDArray embeddings, NDArray capabilities) {
        NDArray smoothed = capabilities.mul(HeadArchitecture.SMOOTHING_SCALE).add(HeadArchitecture.SMOOTHING_SHIFT);
        NDArray ability = smoothed.log().sub(smoothed.neg().add(1f).log());
        NDArray membership = embeddings
                .matMul(parameters.get(CENTROIDS))
                .mul(parameters.get(SHARPNESS))
                .softmax(1);
        NDArray relevantAbility = membership.matMul(ability.transpose());
        NDArray easiness = embeddings.matMul(parameters.get(EASINESS_W)).add(parameters.get(EASINESS_B));
        return relevantAbility
                .mul(Activation.softPlus(parameters.get(ABILITY_SCALE)))
                .add(easiness);
    }

    /** Current parameter values, copied out of the engine. */
    public HeadWeights weights() {
        Map<String, float[]> values = new LinkedHashMap<>();
        parameters.forEach((name, array) -> values.put(name, array.toFloatArray()));
        return new HeadWeights(
                new HeadArchitecture((int) parameters.get(CENTROIDS).getShape().get(0), (int)
                        parameters.get(CENTROIDS).getShape().get(1)),
                values);
    }

    @Override
    public void close() {
        manager.close();
    }
}
