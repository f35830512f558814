package org.aptituderouter.trainer.eval;

import java.util.ArrayList;
import java.util.List;

/** A set of candidate models routed among, evaluated as a whole. */
public record Zoo(String name, List<String> models) {

  public static final List<String> SMALL = List.of("Meta-Llama-3_1-8B-Instruct", "Mistral-7B-Instruct-v0.2",
      "Qwen1.5-7B-Chat", "gemma-7b", "Phi-3-mini-4k-instruct");
  public static final List<String> MIDDLE_EXTRA = List.of("Mixtral-8x7B-Instruct-v0.1", "Yi-34B",
      "c4ai-command-r-v01", "Qwen1.5-110B");

  public Zoo {
    models = List.copyOf(models);
  }

  /** small (5 models of 4-9B), middle (small plus 4 of 35-110B), all (every model in the data). */
  public static List<Zoo> standard(List<String> allModels) {
    List<String> middle = new ArrayList<>(SMALL);
    middle.addAll(MIDDLE_EXTRA);
    for (String model : middle) {
      if (!allModels.contains(model)) {
        throw new IllegalArgumentException("zoo model " + model + " is not in the data");
      }
    }
    return List.of(new Zoo("small", SMALL), new Zoo("middle", middle), new Zoo("all", allModels));
  }
}
