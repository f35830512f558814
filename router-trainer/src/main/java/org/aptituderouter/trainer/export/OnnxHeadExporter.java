package org.aptituderouter.trainer.export;

import static org.aptituderouter.trainer.train.HeadArchitecture.ABILITY_SCALE;
import static org.aptituderouter.trainer.train.HeadArchitecture.CENTROIDS;
import static org.aptituderouter.trainer.train.HeadArchitecture.EASINESS_B;
import static org.aptituderouter.trainer.train.HeadArchitecture.EASINESS_W;
import static org.aptituderouter.trainer.train.HeadArchitecture.SHARPNESS;

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
import org.aptituderouter.trainer.train.HeadEnsemble;
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

    public static byte[] export(HeadEnsemble ensemble, String docString) {
        HeadArchitecture architecture = ensemble.architecture();
        ONNXContext context = new ONNXContext();
        context.setName("aptitude-router-scorer-head");
        ONNXPlaceholder embedding = context.floatInput(EMBEDDING, architecture.embeddingDim());
        ONNXPlaceholder capabilities = context.floatInput(CAPABILITIES, architecture.taskCount());
        ONNXPlaceholder probability = context.floatOutput(PROBABILITY, 1);

        ONNXRef<?> smoothed = capabilities
                .apply(ONNXOperators.MUL, context.constant("smoothing_scale", HeadArchitecture.SMOOTHING_SCALE))
                .apply(ONNXOperators.ADD, context.constant("smoothing_shift", HeadArchitecture.SMOOTHING_SHIFT));
        ONNXRef<?> failure = context.constant("one", 1f).apply(ONNXOperators.SUB, smoothed);
        ONNXRef<?> ability =
                smoothed.apply(GraphOperators.LOG).apply(ONNXOperators.SUB, failure.apply(GraphOperators.LOG));

        ONNXRef<?> logitSum = null;
        for (int i = 0; i < ensemble.members().size(); i++) {
            Map<String, ONNXInitializer> p =
                    initializers(context, ensemble.members().get(i), "member" + i + ".");
            ONNXRef<?> logits = memberLogits(context, embedding, ability, p, i);
            logitSum = logitSum == null ? logits : logitSum.apply(ONNXOperators.ADD, logits);
        }
        logitSum.apply(
                        ONNXOperators.MUL,
                        context.constant(
                                "member_weight", 1f / ensemble.members().size()))
                .apply(ONNXOperators.SIGMOID)
                .assignTo(probability);

        ModelProto model = ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .setProducerName("aptitude-router router-trainer")
                .setDocString(docString)
                .addOpsetImport(ONNXOperators.getOpsetProto())
                .setGraph(withNamedDimensions(context.buildGraph()))
                .build();
        return model.toByteArray();
    }

    /**
     * One member, [B, M]: {@code ScorerNetwork#logits}. The task membership is read through the abilities with a
     * Gemm (transB) rather than a Transpose and MatMul: ONNX Runtime 1.29's optimiser miscomputed a fused
     * Transpose+MatMul in an earlier head.
     */
    private static ONNXRef<?> memberLogits(
            ONNXContext context, ONNXRef<?> embedding, ONNXRef<?> ability, Map<String, ONNXInitializer> p, int member) {
        ONNXRef<?> membership = embedding
                .apply(GraphOperators.MATMUL, p.get(CENTROIDS))
                .apply(ONNXOperators.MUL, p.get(SHARPNESS))
                .apply(ONNXOperators.SOFTMAX, Map.<String, Object>of("axis", 1));
        ONNXRef<?> relevantAbility = context.operation(
                ONNXOperators.GEMM,
                List.<ONNXRef<?>>of(membership, ability),
                "member" + member + ".relevant_ability",
                Map.<String, Object>of("transB", 1));
        ONNXRef<?> easiness = embedding.apply(ONNXOperators.GEMM, List.of(p.get(EASINESS_W), p.get(EASINESS_B)));
        ONNXRef<?> scale = p.get(ABILITY_SCALE).apply(GraphOperators.SOFTPLUS);
        return relevantAbility.apply(ONNXOperators.MUL, scale).apply(ONNXOperators.ADD, easiness);
    }

    /** The member's weights as graph initializers, named {@code prefix + parameter}; keyed by parameter name. */
    private static Map<String, ONNXInitializer> initializers(ONNXContext context, HeadWeights weights, String prefix) {
        Map<String, ONNXInitializer> initializers = new HashMap<>();
        weights.values().forEach((name, values) -> {
            List<Integer> shape = Arrays.stream(weights.shape(name))
                    .mapToObj(dim -> (int) dim)
                    .toList();
            initializers.put(name, context.floatTensor(prefix + name, shape, buffer -> buffer.put(values)));
        });
        return initializers;
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
