package org.aptituderouter.trainer.export;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.aptituderouter.trainer.train.HeadArchitecture;
import org.aptituderouter.trainer.train.HeadEnsemble;
import org.aptituderouter.trainer.train.HeadPredictor;
import org.aptituderouter.trainer.train.HeadWeights;
import org.junit.jupiter.api.Test;

/**
 * The exported graph must compute what the DJL networks trained: for an ensemble of random heads, same inputs,
 * same probabilities to 1e-5, under
 * ONNX Runtime's default (full) graph optimisation, as router-core runs it. Shapes include B != M and M = 1.
 */
class OnnxHeadParityTest {

    private static final HeadArchitecture ARCHITECTURE = new HeadArchitecture(384, 16);

    @Test
    void djlAndOnnxRuntimeAgreeOnRandomInputs() throws Exception {
        SplittableRandom random = new SplittableRandom(7);
        HeadEnsemble ensemble =
                new HeadEnsemble(List.of(randomWeights(random), randomWeights(random), randomWeights(random)));
        byte[] model = OnnxHeadExporter.export(ensemble, "parity test");
        for (int[] sizes : new int[][] {{1, 1}, {1, 5}, {7, 1}, {7, 5}, {33, 23}}) {
            float[][] embeddings = unitRows(random, sizes[0], ARCHITECTURE.embeddingDim());
            float[][] capabilities = uniformRows(random, sizes[1], ARCHITECTURE.taskCount());
            float[][] expected = HeadPredictor.predict(ensemble, embeddings, capabilities);
            float[][] actual = onnxRuntime(model, embeddings, capabilities);
            assertThat(actual.length).isEqualTo(sizes[0]);
            for (int b = 0; b < sizes[0]; b++) {
                assertThat(actual[b].length).isEqualTo(sizes[1]);
                for (int m = 0; m < sizes[1]; m++) {
                    assertThat(Math.abs(actual[b][m] - expected[b][m]))
                            .as("B=%d M=%d at [%d,%d]", sizes[0], sizes[1], b, m)
                            .isLessThanOrEqualTo(1e-5f);
                }
            }
        }
    }

    /** Every parameter random, biases included, so no term of the graph can hide behind a zero. */
    private static HeadWeights randomWeights(SplittableRandom random) {
        Map<String, float[]> values = new LinkedHashMap<>();
        ARCHITECTURE.parameterShapes().forEach((name, shape) -> {
            float[] data = new float[(int) HeadWeights.elements(shape)];
            double scale =
                    shape.length == 2 ? 1.5 / Math.sqrt(shape[0]) : name.equals(HeadArchitecture.SHARPNESS) ? 20 : 0.5;
            for (int i = 0; i < data.length; i++) {
                data[i] = (float) ((random.nextDouble() * 2 - 1) * scale);
            }
            values.put(name, data);
        });
        return new HeadWeights(ARCHITECTURE, values);
    }

    private static float[][] onnxRuntime(byte[] model, float[][] embeddings, float[][] capabilities) throws Exception {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(model, new OrtSession.SessionOptions());
                OnnxTensor e = OnnxTensor.createTensor(env, embeddings);
                OnnxTensor c = OnnxTensor.createTensor(env, capabilities);
                OrtSession.Result result =
                        session.run(Map.of(OnnxHeadExporter.EMBEDDING, e, OnnxHeadExporter.CAPABILITIES, c))) {
            FloatBuffer buffer =
                    ((OnnxTensor) result.get(OnnxHeadExporter.PROBABILITY).orElseThrow()).getFloatBuffer();
            float[][] out = new float[embeddings.length][capabilities.length];
            for (float[] row : out) {
                buffer.get(row);
            }
            return out;
        }
    }

    private static float[][] unitRows(SplittableRandom random, int rows, int dim) {
        float[][] out = new float[rows][dim];
        for (float[] row : out) {
            double norm = 0;
            for (int d = 0; d < dim; d++) {
                row[d] = (float) (random.nextDouble() * 2 - 1);
                norm += row[d] * row[d];
            }
            for (int d = 0; d < dim; d++) {
                row[d] /= (float) Math.sqrt(norm);
            }
        }
        return out;
    }

    /** Accuracies in [0,1], with the endpoints (0 of 20 right, 20 of 20) among them. */
    private static float[][] uniformRows(SplittableRandom random, int rows, int dim) {
        float[][] out = new float[rows][dim];
        for (float[] row : out) {
            for (int d = 0; d < dim; d++) {
                row[d] = random.nextInt(21) / 20f;
            }
        }
        return out;
    }
}
