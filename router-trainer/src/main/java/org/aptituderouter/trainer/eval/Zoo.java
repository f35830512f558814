package org.aptituderouter.trainer.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A set of candidate models routed among, evaluated as a whole. */
public record Zoo(String name, List<String> models) {

    /** MMLU-Pro's zoos of earlier reports, kept so figures stay comparable: five 4-9B models, then four larger. */
    public static final List<String> SMALL = List.of(
            "Meta-Llama-3_1-8B-Instruct",
            "Mistral-7B-Instruct-v0.2",
            "Qwen1.5-7B-Chat",
            "gemma-7b",
            "Phi-3-mini-4k-instruct");

    public static final List<String> MIDDLE_EXTRA =
            List.of("Mixtral-8x7B-Instruct-v0.1", "Yi-34B", "c4ai-command-r-v01", "Qwen1.5-110B");
    /** Parameter counts (billions) that separate small and large models in the generic zoos. */
    static final double SMALL_MAX = 10;

    static final double LARGE_MIN = 30;

    public Zoo {
        models = List.copyOf(models);
    }

    /**
     * The zoos of a data set: {@code small} (models of at most 10B; on MMLU-Pro the five above), {@code middle}
     * (MMLU-Pro only: small plus four of 35-110B), {@code large} (above 30B or undisclosed) and {@code all}. A zoo of
     * fewer than two models, or one equal to {@code all}, is left out.
     */
    public static List<Zoo> standard(List<String> allModels, Map<String, Double> costs) {
        List<Zoo> zoos = new ArrayList<>();
        if (allModels.containsAll(SMALL) && allModels.containsAll(MIDDLE_EXTRA)) {
            List<String> middle = new ArrayList<>(SMALL);
            middle.addAll(MIDDLE_EXTRA);
            zoos.add(new Zoo("small", SMALL));
            zoos.add(new Zoo("middle", middle));
        } else {
            addIfUseful(
                    zoos,
                    "small",
                    allModels.stream()
                            .filter(model -> costs.get(model) <= SMALL_MAX)
                            .toList(),
                    allModels);
        }
        addIfUseful(
                zoos,
                "large",
                allModels.stream().filter(model -> costs.get(model) > LARGE_MIN).toList(),
                allModels);
        zoos.add(new Zoo("all", allModels));
        return List.copyOf(zoos);
    }

    private static void addIfUseful(List<Zoo> zoos, String name, List<String> models, List<String> all) {
        if (models.size() >= 2 && models.size() < all.size()) {
            zoos.add(new Zoo(name, models));
        }
    }
}
