package org.aptituderouter.loadtest.testing;

import ai.onnx.proto.OnnxMl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.tribuo.util.onnx.ONNXContext;
import org.tribuo.util.onnx.ONNXInitializer;
import org.tribuo.util.onnx.ONNXNode;
import org.tribuo.util.onnx.ONNXOperators;
import org.tribuo.util.onnx.ONNXPlaceholder;
import org.tribuo.util.onnx.ONNXRef;

/**
 * A scorer head with the trained head's interface (inputs {@code embedding} [B,384], {@code capabilities} [M,K],
 * output {@code probability} [B,M]) and known behaviour: a model's probability is the mean of its capability vector,
 * whatever the instruction. Tests of the pipeline then do not depend on a trained head, and know which model wins.
 */
public final class TestScorerHead {

    public static final int EMBEDDING_DIMENSION = 384;

    private TestScorerHead() {
    }

    /** Aptitude test of the smoke zoo: one question per task. */
    public static final String TEST_ID = "loadtest-smoke-v1";

    /**
     * A bundle folder for {@code router.inference.bundle}: an aptitude test {@link #TEST_ID} of {@code tasks} tasks,
     * this head for it, and metadata naming the encoder.
     */
    public static Path writeBundle(Path dir, int tasks) throws IOException {
        Files.createDirectories(dir);
        StringBuilder test = new StringBuilder("{\"id\": \"" + TEST_ID + "\", \"tasks\": [");
        for (int k = 0; k < tasks; k++) {
            test.append(k == 0 ? "" : ", ").append("{\"name\": \"smoke-").append(k)
                    .append("\", \"question_ids\": [\"q").append(k).append("\"]}");
        }
        Files.writeString(dir.resolve("aptitude-test.json"), test.append("]}\n"));
        Files.write(dir.resolve("scorer-head.onnx"), meanCapability(tasks));
        Files.writeString(dir.resolve("scorer-head.json"),
                "{\"aptitude_test_id\": \"" + TEST_ID + "\", \"encoder\": \"all-minilm-l6-v2/fp32\"}\n");
        return dir;
    }

    static byte[] meanCapability(int k) {
        ONNXContext ctx = new ONNXContext();
        ONNXPlaceholder embedding = ctx.floatInput("embedding", EMBEDDING_DIMENSION);
        ONNXPlaceholder capabilities = ctx.floatInput("capabilities", k);
        ONNXPlaceholder probability = ctx.floatOutput("probability", 1);
        ONNXInitializer zeros = ctx.floatTensor("zeros", List.of(EMBEDDING_DIMENSION, k), buffer -> {
            for (int i = 0; i < EMBEDDING_DIMENSION * k; i++) {
                buffer.put(0f);
            }
        });
        // [B,M] of zeros that still depends on both inputs, so the graph has the real head's shapes
        ONNXNode projected = ctx.operation(ONNXOperators.GEMM, List.of(embedding, zeros), "projected");
        ONNXNode nothing = ctx.operation(ONNXOperators.GEMM, List.<ONNXRef<?>>of(projected, capabilities), "nothing",
                Map.of("transB", 1));
        ONNXNode mean = capabilities.apply(ONNXOperators.REDUCE_MEAN, Map.of("axes", new int[] {1}, "keepdims", 0));
        nothing.apply(ONNXOperators.ADD, mean).assignTo(probability);
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
                .setProducerName("loadtest tests")
                .addOpsetImport(ONNXOperators.getOpsetProto())
                .setGraph(graph)
                .build()
                .toByteArray();
    }

    private static OnnxMl.TensorShapeProto.Dimension.Builder dim(OnnxMl.ValueInfoProto.Builder value, int i) {
        return value.getTypeBuilder().getTensorTypeBuilder().getShapeBuilder().getDimBuilder(i);
    }
}
