package org.aptituderouter.trainer.eval;

import java.util.Arrays;
import org.aptituderouter.core.capability.CapabilitySet;

/**
 * Label-free baseline with the router's own information: always the model with the highest overall level on the
 * aptitude test (task scores weighted by task share). What the no-regret rule falls back to.
 */
public final class BestOnAptitude implements RoutingMethod {

    private final CapabilitySet newcomers;

    /** @param newcomers every model as a newcomer: known by its aptitude answers */
    public BestOnAptitude(CapabilitySet newcomers) {
        this.newcomers = newcomers;
    }

    @Override
    public String name() {
        return "best aptitude level";
    }

    @Override
    public int[] choose(Zoo zoo, QuestionFold fold) {
        double[] level = zoo.models().stream()
                .mapToDouble(model -> newcomers.level(newcomers.find(model).orElseThrow()))
                .toArray();
        int[] choices = new int[fold.evalRows().length];
        Arrays.fill(choices, ZooAccuracy.argmax(level));
        return choices;
    }
}
