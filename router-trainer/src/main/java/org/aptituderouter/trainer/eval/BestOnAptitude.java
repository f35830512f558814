package org.aptituderouter.trainer.eval;

import java.util.Arrays;
import java.util.Map;

/**
 * Label-free baseline with the router's own information: always the model with the highest overall level on the
 * aptitude test (task scores weighted by task share). What the no-regret rule falls back to.
 */
public final class BestOnAptitude implements RoutingMethod {

  private final Map<String, Double> levels;

  public BestOnAptitude(Map<String, Double> levels) {
    this.levels = levels;
  }

  @Override
  public String name() {
    return "best aptitude level";
  }

  @Override
  public int[] choose(Zoo zoo, QuestionFold fold) {
    double[] level = zoo.models().stream().mapToDouble(levels::get).toArray();
    int[] choices = new int[fold.evalRows().length];
    Arrays.fill(choices, ZooAccuracy.argmax(level));
    return choices;
  }
}
