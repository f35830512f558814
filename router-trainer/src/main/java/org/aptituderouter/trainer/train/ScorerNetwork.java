package org.aptituderouter.trainer.train;

import static org.aptituderouter.trainer.train.HeadArchitecture.ATTENTION_B;
import static org.aptituderouter.trainer.train.HeadArchitecture.ATTENTION_W;
import static org.aptituderouter.trainer.train.HeadArchitecture.DIFFICULTY_B;
import static org.aptituderouter.trainer.train.HeadArchitecture.DIFFICULTY_W;
import static org.aptituderouter.trainer.train.HeadArchitecture.DISCRIMINATION_B;
import static org.aptituderouter.trainer.train.HeadArchitecture.DISCRIMINATION_W;
import static org.aptituderouter.trainer.train.HeadArchitecture.INSTRUCTION_B;
import static org.aptituderouter.trainer.train.HeadArchitecture.INSTRUCTION_W;

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

  private final HeadArchitecture architecture;
  private final NDManager manager;
  private final Map<String, NDArray> parameters = new LinkedHashMap<>();

  public ScorerNetwork(NDManager parent, HeadWeights weights) {
    this.architecture = weights.architecture();
    this.manager = parent.newSubManager();
    weights.values().forEach((name, values) ->
        parameters.put(name, manager.create(values, new Shape(weights.shape(name)))));
  }

  public NDManager manager() {
    return manager;
  }

  /** Parameters by name, live: the trainer attaches gradients to them and updates them in place. */
  public Map<String, NDArray> parameters() {
    return parameters;
  }

  /** Logits [B, M] for embeddings [B, D] and capability vectors [M, T]. */
  public NDArray logits(NDArray embeddings, NDArray capabilities) {
    long batch = embeddings.getShape().get(0);
    NDArray features = Activation.relu(dense(embeddings, INSTRUCTION_W, INSTRUCTION_B));
    NDArray smoothed = capabilities.mul(architecture.smoothingScale()).add(architecture.smoothingShift());
    NDArray ability = smoothed.log().sub(smoothed.neg().add(1f).log());
    // [B, T, K]: per head k a softmax over the tasks t, read through the abilities [M, T] -> [B, M, K].
    // Laid out task-major so that no transpose is needed: ONNX Runtime's Transpose+MatMul fusion miscomputed
    // such a pattern, and the exported graph mirrors this code.
    NDArray attention = dense(features, ATTENTION_W, ATTENTION_B)
        .reshape(batch, architecture.taskCount(), architecture.attentionHeads())
        .softmax(1);
    NDArray relevantAbility = ability.matMul(attention);
    NDArray discrimination = Activation.softPlus(dense(features, DISCRIMINATION_W, DISCRIMINATION_B))
        .reshape(batch, 1, architecture.attentionHeads());
    NDArray difficulty = dense(features, DIFFICULTY_W, DIFFICULTY_B);
    return relevantAbility.mul(discrimination).sum(new int[] {2}).sub(difficulty);
  }

  private NDArray dense(NDArray input, String weight, String bias) {
    return input.matMul(parameters.get(weight)).add(parameters.get(bias));
  }

  /** Current parameter values, copied out of the engine. */
  public HeadWeights weights() {
    Map<String, float[]> values = new LinkedHashMap<>();
    parameters.forEach((name, array) -> values.put(name, array.toFloatArray()));
    return new HeadWeights(architecture, values);
  }

  @Override
  public void close() {
    manager.close();
  }
}
