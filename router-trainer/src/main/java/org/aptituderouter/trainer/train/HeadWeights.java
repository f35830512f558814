package org.aptituderouter.trainer.train;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The head's parameters as plain float arrays: what training starts from and ends with, and what the ONNX
 * exporter writes. Kept engine-free so that export and tests need no DJL session.
 */
public record HeadWeights(HeadArchitecture architecture, Map<String, float[]> values) {

    public HeadWeights {
        Map<String, float[]> given = values;
        Map<String, float[]> copy = new LinkedHashMap<>();
        architecture.parameterShapes().forEach((name, shape) -> {
            float[] data = given.get(name);
            if (data == null || data.length != elements(shape)) {
                throw new IllegalArgumentException("parameter " + name + " needs " + elements(shape) + " values");
            }
            copy.put(name, data.clone());
        });
        values = Collections.unmodifiableMap(copy);
    }

    /**
     * The starting point: the test's centroids, sharpness 20 (cosine similarities between an instruction and the
     * task centroids differ by about 0.1, so this makes the nearest task dominate without ignoring the others),
     * ability scale softplus(log(e - 1)) = 1 (a task score counts as measured) and no easiness term. Deterministic: training only moves it.
     *
     * @param centroids [D, K], dimension-major, see {@link HeadArchitecture#centroidMatrix}
     */
    public static HeadWeights initial(HeadArchitecture architecture, float[] centroids) {
        Map<String, float[]> values = new LinkedHashMap<>();
        values.put(HeadArchitecture.CENTROIDS, centroids);
        values.put(HeadArchitecture.SHARPNESS, new float[] {20f});
        values.put(HeadArchitecture.ABILITY_SCALE, new float[] {(float) Math.log(Math.E - 1)}); // softplus: 1
        values.put(HeadArchitecture.EASINESS_W, new float[architecture.embeddingDim()]);
        values.put(HeadArchitecture.EASINESS_B, new float[] {0f});
        return new HeadWeights(architecture, values);
    }

    public float[] get(String name) {
        return values.get(name).clone();
    }

    public long[] shape(String name) {
        return architecture.parameterShapes().get(name).clone();
    }

    public static long elements(long[] shape) {
        return Arrays.stream(shape).reduce(1, (a, b) -> a * b);
    }

    public boolean sameValues(HeadWeights other) {
        if (!values.keySet().equals(other.values.keySet())) {
            return false;
        }
        return values.entrySet().stream()
                .allMatch(entry -> Arrays.equals(entry.getValue(), other.values.get(entry.getKey())));
    }
}
