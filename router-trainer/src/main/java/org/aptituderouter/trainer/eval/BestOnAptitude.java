package org.aptituderouter.trainer.eval;

import java.util.Arrays;
import java.util.Map;

/**
 * Label-free baseline with the router's own information: always the model with the highest mean aptitude score.
 * Shows what the capability vectors give before any instruction is looked at.
 */
public final class BestOnAptitude implements RoutingMethod {

  private final Map<String, float[]> capabilities;

  public BestOnAptitude(Map<String, float[]> capabilities) {
    this.capabilities = capabilities;
  }

  @Override
  public String name() {
    return "best mean aptitude score";
  }

  @Override
  public int[] choose(Zoo zoo, QuestionFold fold) {
    double[] means = zoo.models().stream()
        .mapToDouble(model -> {
          float[] vector = capabilities.get(model);
          double sum = 0;
          for (float value : vector) {
            sum += value;
          }
          return sum / vector.length;
        })
        .toArray();
    int[] choices = new int[fold.evalRows().length];
    Arrays.fill(choices, ZooAccuracy.argmax(means));
    return choices;
  }
}
