package org.aptituderouter.trainer.train;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

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
   * Seeded initialisation. The embedding is L2-normalised, so the first layer is scaled as if its input had unit
   * variance per unit length rather than per component (He-normal otherwise). Attention starts near uniform so
   * every task is read at first; each head starts with discrimination softplus(b) = 1/K, so the initial logit is
   * about the mean logit-accuracy: a sensible "stronger model, higher p" prior from the first step.
   */
  public static HeadWeights initial(HeadArchitecture architecture, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Map<String, float[]> values = new LinkedHashMap<>();
    architecture.parameterShapes().forEach((name, shape) -> {
      float[] data = new float[(int) elements(shape)];
      double std = initialStd(name, shape);
      for (int i = 0; i < data.length; i++) {
        data[i] = (float) (gaussian(random) * std);
      }
      if (name.equals(HeadArchitecture.DISCRIMINATION_B)) {
        Arrays.fill(data, (float) inverseSoftplus(1.0 / architecture.attentionHeads()));
      }
      values.put(name, data);
    });
    return new HeadWeights(architecture, values);
  }

  private static double initialStd(String name, long[] shape) {
    return switch (name) {
      case HeadArchitecture.INSTRUCTION_W -> Math.sqrt(2.0);
      case HeadArchitecture.ATTENTION_W, HeadArchitecture.DISCRIMINATION_W, HeadArchitecture.DIFFICULTY_W ->
          0.1 / Math.sqrt(shape[0]);
      default -> 0.0;
    };
  }

  private static double inverseSoftplus(double y) {
    return Math.log(Math.expm1(y));
  }

  /** Box-Muller on the seeded stream, so the draws do not depend on any engine's generator. */
  private static double gaussian(SplittableRandom random) {
    double u1 = 1.0 - random.nextDouble();
    double u2 = random.nextDouble();
    return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
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
    return values.entrySet().stream().allMatch(entry -> Arrays.equals(entry.getValue(), other.values.get(entry.getKey())));
  }
}
