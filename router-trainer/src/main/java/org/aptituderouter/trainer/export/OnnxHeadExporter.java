package org.aptituderouter.trainer.export;

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

import ai.onnx.proto.OnnxMl;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.aptituderouter.trainer.train.HeadArchitecture;
import org.aptituderouter.trainer.train.HeadWeights;
import org.tribuo.util.onnx.ONNXContext;
import org.tribuo.util.onnx.ONNXInitializer;
import org.tribuo.util.onnx.ONNXOperators;
import org.tribuo.util.onnx.ONNXPlaceholder;
import org.tribuo.util.onnx.ONNXRef;

/**
 * Writes the trained head as an ONNX graph (router-core's {@code scorer-head.onnx} contract): inputs
 * {@code embedding} [B, D] and {@code capabilities} [M, T], output {@code probability} [B, M]. The graph mirrors
 * {@code ScorerNetwork} operation for operation.
 */
public final class OnnxHeadExporter {

  public static final String EMBEDDING = "embedding";
  public static final String CAPABILITIES = "capabilities";
  public static final String PROBABILITY = "probability";
  /** IR 8 goes with opset 13 and loads in every ONNX Runtime since 1.10. */
  private static final long IR_VERSION = 8;

  private OnnxHeadExporter() {}

  public static byte[] export(HeadWeights weights, String docString) {
    HeadArchitecture architecture = weights.architecture();
    ONNXContext context = new ONNXContext();
    context.setName("aptitude-router-scorer-head");
    ONNXPlaceholder embedding = context.floatInput(EMBEDDING, architecture.embeddingDim());
    ONNXPlaceholder capabilities = context.floatInput(CAPABILITIES, architecture.taskCount());
    ONNXPlaceholder probability = context.floatOutput(PROBABILITY, 1);
    Map<String, ONNXInitializer> p = initializers(context, weights);

    ONNXRef<?> instruction = dense(relu(dense(embedding, p, INSTRUCTION_W1, INSTRUCTION_B1)), p, INSTRUCTION_W2, INSTRUCTION_B2);
    ONNXRef<?> capability = dense(relu(dense(capabilities, p, CAPABILITY_W1, CAPABILITY_B1)), p, CAPABILITY_W2, CAPABILITY_B2);
    ONNXRef<?> attention = dense(embedding, p, ATTENTION_W, ATTENTION_B)
        .apply(GraphOperators.RESHAPE, context.array("attention_shape",
            new long[] {-1, architecture.taskCount(), architecture.attentionHeads()}))
        .apply(ONNXOperators.SOFTMAX, Map.<String, Object>of("axis", 1));
    ONNXRef<?> relevant = capabilities.apply(GraphOperators.MATMUL, attention);
    ONNXRef<?> perInstruction = instruction.apply(GraphOperators.RESHAPE,
        context.array("instruction_shape", new long[] {-1, 1, architecture.hidden()}));
    ONNXRef<?> hidden = relu(perInstruction.apply(ONNXOperators.ADD, capability)
        .apply(ONNXOperators.ADD, relevant.apply(GraphOperators.MATMUL, p.get(ATTENTION_PROJECTION))));
    ONNXRef<?> logits = hidden.apply(GraphOperators.MATMUL, p.get(OUTPUT_W))
        .apply(ONNXOperators.ADD, relevant.apply(GraphOperators.MATMUL, p.get(ATTENTION_DIRECT)))
        .apply(ONNXOperators.ADD, p.get(OUTPUT_B));
    logits.apply(ONNXOperators.SIGMOID).assignTo(probability);

    ModelProto model = ModelProto.newBuilder()
        .setIrVersion(IR_VERSION)
        .setProducerName("aptitude-router router-trainer")
        .setDocString(docString)
        .addOpsetImport(ONNXOperators.getOpsetProto())
        .setGraph(withNamedDimensions(context.buildGraph()))
        .build();
    return model.toByteArray();
  }

  private static Map<String, ONNXInitializer> initializers(ONNXContext context, HeadWeights weights) {
    Map<String, ONNXInitializer> initializers = new HashMap<>();
    weights.values().forEach((name, values) -> {
      List<Integer> shape = Arrays.stream(weights.shape(name)).mapToObj(dim -> (int) dim).toList();
      initializers.put(name, context.floatTensor(name, shape, buffer -> buffer.put(values)));
    });
    return initializers;
  }

  /** Gemm covers the 2-D layers: input [N, in] x W [in, out] + b [out]. */
  private static ONNXRef<?> dense(ONNXRef<?> input, Map<String, ONNXInitializer> p, String weight, String bias) {
    return input.apply(ONNXOperators.GEMM, List.of(p.get(weight), p.get(bias)));
  }

  private static ONNXRef<?> relu(ONNXRef<?> input) {
    return input.apply(GraphOperators.RELU);
  }

  /**
   * Tribuo names the first dimension of every input and output "batch"; here the instruction batch and the
   * candidate count vary independently, so the interface says B and M.
   */
  private static GraphProto withNamedDimensions(GraphProto graph) {
    GraphProto.Builder builder = graph.toBuilder();
    for (int i = 0; i < builder.getInputCount(); i++) {
      ValueInfoProto input = builder.getInput(i);
      String first = input.getName().equals(CAPABILITIES) ? "M" : "B";
      builder.setInput(i, withShape(input, dimension(first), featureDimension(input)));
    }
    for (int i = 0; i < builder.getOutputCount(); i++) {
      builder.setOutput(i, withShape(builder.getOutput(i), dimension("B"), dimension("M")));
    }
    return builder.build();
  }

  private static TensorShapeProto.Dimension featureDimension(ValueInfoProto input) {
    return input.getType().getTensorType().getShape().getDim(1);
  }

  private static TensorShapeProto.Dimension dimension(String name) {
    return TensorShapeProto.Dimension.newBuilder().setDimParam(name).build();
  }

  private static ValueInfoProto withShape(ValueInfoProto value, TensorShapeProto.Dimension... dims) {
    TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
    for (TensorShapeProto.Dimension dim : dims) {
      shape.addDim(dim);
    }
    OnnxMl.TypeProto.Builder type = value.getType().toBuilder();
    type.getTensorTypeBuilder().setShape(shape);
    return value.toBuilder().setType(type).build();
  }
}
