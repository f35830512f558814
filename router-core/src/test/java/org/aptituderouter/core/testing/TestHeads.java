package org.aptituderouter.core.testing;

import ai.onnx.proto.OnnxMl;
import java.util.List;
import java.util.Map;
import org.tribuo.util.onnx.ONNXContext;
import org.tribuo.util.onnx.ONNXInitializer;
import org.tribuo.util.onnx.ONNXNode;
import org.tribuo.util.onnx.ONNXOperators;
import org.tribuo.util.onnx.ONNXPlaceholder;
import org.tribuo.util.onnx.ONNXRef;

/**
 * Small scorer-head graphs with known weights, built with Tribuo's ONNX writer, so the scorer runner and the router
 * can be tested exactly before (and independently of) the trained head. Each has the real head's interface:
 * inputs {@code embedding} [B,D] and {@code capabilities} [M,K], output {@code probability} [B,M].
 */
public final class TestHeads {

    private TestHeads() {}

    /** probability = sigmoid((embedding x weights) x capabilities^T); weights is [D][K]. */
    public static byte[] bilinear(float[][] weights) {
        int d = weights.length;
        int k = weights[0].length;
        ONNXContext ctx = new ONNXContext();
        ONNXPlaceholder embedding = ctx.floatInput("embedding", d);
        ONNXPlaceholder capabilities = ctx.floatInput("capabilities", k);
        ONNXPlaceholder probability = ctx.floatOutput("probability", 1);
        ONNXInitializer w = ctx.floatTensor("w", List.of(d, k), buffer -> {
            for (float[] row : weights) {
                buffer.put(row);
            }
        });
        ONNXNode projected = ctx.operation(ONNXOperators.GEMM, List.of(embedding, w), "projected");
        ONNXNode logits = ctx.operation(
                ONNXOperators.GEMM, List.<ONNXRef<?>>of(projected, capabilities), "logits", Map.of("transB", 1));
        logits.apply(ONNXOperators.SIGMOID).assignTo(probability);
        return model(ctx);
    }

    /**
     * probability[b][m] = mean of capability vector m, whatever the instruction: routing decisions become
     * predictable from the capability vectors alone. The embedding still flows through the graph (times zero).
     */
    public static byte[] meanCapability(int embeddingDim, int capabilityDim) {
        return meanCapabilityFailingAbove(embeddingDim, capabilityDim, 0, Float.POSITIVE_INFINITY);
    }

    /**
     * Like {@link #meanCapability}, but the whole batch fails at run time (a Gather index out of bounds) when any
     * embedding has a value above {@code limit} in dimension {@code dim}: a head that one record can break.
     */
    public static byte[] meanCapabilityFailingAbove(int embeddingDim, int capabilityDim, long dim, float limit) {
        ONNXContext ctx = new ONNXContext();
        ONNXPlaceholder embedding = ctx.floatInput("embedding", embeddingDim);
        ONNXPlaceholder capabilities = ctx.floatInput("capabilities", capabilityDim);
        ONNXPlaceholder probability = ctx.floatOutput("probability", 1);
        ONNXNode mean = capabilities.apply(ONNXOperators.REDUCE_MEAN, Map.of("axes", new int[] {1}, "keepdims", 0));
        // [B]: 0 for every record within the limit, 1000 (out of bounds) for one above it
        ONNXNode feature = embedding.apply(ONNXOperators.GATHER, ctx.constant("dim", dim), Map.of("axis", 1));
        ONNXNode above = feature.apply(ONNXOperators.GREATER, ctx.constant("limit", limit));
        ONNXNode index = above.apply(ONNXOperators.CAST, Map.of("to", OnnxMl.TensorProto.DataType.INT64.getNumber()))
                .apply(ONNXOperators.MUL, ctx.constant("oob", 1000L));
        ONNXNode zero = ctx.array("zeros", new float[] {0f}).apply(ONNXOperators.GATHER, index, Map.of("axis", 0));
        ONNXNode column = zero.apply(ONNXOperators.UNSQUEEZE, ctx.array("axis1", new long[] {1}));
        column.apply(ONNXOperators.ADD, mean).assignTo(probability);
        return model(ctx);
    }

    /** A graph whose input is misnamed, to test the startup check. */
    public static byte[] wrongInputNames() {
        ONNXContext ctx = new ONNXContext();
        ONNXPlaceholder in = ctx.floatInput("features", 4);
        ONNXPlaceholder out = ctx.floatOutput("probability", 1);
        in.apply(ONNXOperators.SIGMOID).assignTo(out);
        return model(ctx);
    }

    private static byte[] model(ONNXContext ctx) {
        OnnxMl.GraphProto.Builder graph = ctx.buildGraph().toBuilder();
        // Tribuo names every first dimension "batch"; the capability rows and the output columns are the models
        for (OnnxMl.ValueInfoProto.Builder input : graph.getInputBuilderList()) {
            if (input.getName().equals("capabilities")) {
                dim(input, 0).clearDimValue().setDimParam("models");
            }
        }
        dim(graph.getOutputBuilder(0), 1).clearDimValue().setDimParam("models");
        return OnnxMl.ModelProto.newBuilder()
                .setIrVersion(7)
                .setProducerName("router-core tests")
                .addOpsetImport(ONNXOperators.getOpsetProto())
                .setGraph(graph)
                .build()
                .toByteArray();
    }

    private static OnnxMl.TensorShapeProto.Dimension.Builder dim(OnnxMl.ValueInfoProto.Builder value, int i) {
        return value.getTypeBuilder().getTensorTypeBuilder().getShapeBuilder().getDimBuilder(i);
    }
}
