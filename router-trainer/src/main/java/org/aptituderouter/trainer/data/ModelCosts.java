package org.aptituderouter.trainer.data;

import java.util.Map;

/**
 * Routing cost of a zoo model: its total parameter count in billions. gemini-1.5-pro-002 publishes none; it is
 * priced at 500 as a stated assumption (far above every open model, as its API price suggests).
 */
public final class ModelCosts {

  public static final Map<String, Double> ASSUMED = Map.of("gemini-1.5-pro-002", 500.0);

  private ModelCosts() {}

  public static double cost(ModelInfo model) {
    if (model.paramsB().isPresent()) {
      return model.paramsB().getAsDouble();
    }
    Double assumed = ASSUMED.get(model.modelId());
    if (assumed == null) {
      throw new IllegalArgumentException("model " + model.modelId() + " has no params_b and no assumed cost");
    }
    return assumed;
  }
}
