package org.aptituderouter.trainer.train;

import static org.aptituderouter.trainer.train.HeadArchitecture.ATTENTION_B;
import static org.aptituderouter.trainer.train.HeadArchitecture.ATTENTION_DIRECT;
import static org.aptituderouter.trainer.train.HeadArchitecture.ATTENTION_PROJECTION;
import static org.aptituderouter.trainer.train.HeadArchitecture.ATTENTION_W;
import static org.aptituderouter.trainer.train.HeadArchitecture.CAPABILITY_B1;
import static org.aptituderouter.trainer.train.HeadArchitecture.CAPABILITY_B2;
import static org.aptituderouter.trainer.train.HeadArchitecture.CAPABILITY_W1;
import static org.aptituderouter.trainer.train.HeadArchitecture.CAPABILITY_W2;
import static org.aptituderouter.trainer.train.HeadArchitecture.INSTRUCTION_B1;
import static org.aptituderouter.trainer.train.HeadArchitecture.INSTRUCTION_B2;
import static org.aptituderouter.trainer.train.HeadArchitecture.INSTRUCTION_W1;
import static org.aptituderouter.trainer.train.HeadArchitecture.INSTRUCTION_W2;
import static org.aptituderouter.trainer.train.HeadArchitecture.OUTPUT_B;
import static org.aptituderouter.trainer.train.HeadArchitecture.OUTPUT_W;

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
    NDArray instruction = dense(relu(dense(embeddings, INSTRUCTION_W1, INSTRUCTION_B1)), INSTRUCTION_W2, INSTRUCTION_B2);
    NDArray capability = dense(relu(dense(capabilities, CAPABILITY_W1, CAPABILITY_B1)), CAPABILITY_W2, CAPABILITY_B2);
    // [B, T, K]: per head k a softmax over the tasks t, read through the capabilities [M, T] -> [B, M, K].
    // Laid out task-major so that no transpose is needed: ONNX Runtime's Transpose+MatMul fusion miscomputes
    // this pattern, and the exported graph mirrors this code.
    NDArray attention = dense(embeddings, ATTENTION_W, ATTENTION_B)
        .reshape(batch, architecture.taskCount(), architecture.attentionHeads())
        .softmax(1);
    NDArray relevant = capabilities.matMul(attention);
    NDArray hidden = relu(instruction.expandDims(1)
        .add(capability.expandDims(0))
        .add(relevant.matMul(parameters.get(ATTENTION_PROJECTION))));
    return hidden.matMul(parameters.get(OUTPUT_W))
        .add(relevant.matMul(parameters.get(ATTENTION_DIRECT)))
        .add(parameters.get(OUTPUT_B));
  }

  public NDArray probabilities(NDArray embeddings, NDArray capabilities) {
    return Activation.sigmoid(logits(embeddings, capabilities));
  }

  private NDArray dense(NDArray input, String weight, String bias) {
    return input.matMul(parameters.get(weight)).add(parameters.get(bias));
  }

  private static NDArray relu(NDArray input) {
    return Activation.relu(input);
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
