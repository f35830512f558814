package org.aptituderouter.trainer.data;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Routing cost of a model: its total parameter count in billions. A model that publishes none is priced as a
 * stated assumption: gemini-1.5-pro-002 at 500 (far above every open model, as its API price suggests); any other
 * at the largest published count in its catalogue (an undisclosed model is assumed to be a large one).
 */
public final class ModelCosts {

    public static final Map<String, Double> ASSUMED = Map.of("gemini-1.5-pro-002", 500.0);

    private ModelCosts() {}

    /** Model id to cost, in catalogue order. */
    public static Map<String, Double> of(List<ModelInfo> catalogue) {
        double largest = catalogue.stream()
                .filter(model -> model.paramsB().isPresent())
                .mapToDouble(model -> model.paramsB().getAsDouble())
                .max()
                .orElse(1.0);
        Map<String, Double> costs = new LinkedHashMap<>();
        for (ModelInfo model : catalogue) {
            costs.put(
                    model.modelId(),
                    model.paramsB().isPresent()
                            ? model.paramsB().getAsDouble()
                            : ASSUMED.getOrDefault(model.modelId(), largest));
        }
        return costs;
    }

    /** True where the cost is an assumption rather than a published count. */
    public static boolean assumed(ModelInfo model) {
        return model.paramsB().isEmpty();
    }
}
