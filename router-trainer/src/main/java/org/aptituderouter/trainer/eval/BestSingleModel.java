package org.aptituderouter.trainer.eval;

import java.util.Arrays;
import org.aptituderouter.trainer.data.OutcomeTable;

/** Always the model with the best accuracy on the training questions. */
public final class BestSingleModel implements RoutingMethod {

    private final OutcomeTable outcomes;

    public BestSingleModel(OutcomeTable outcomes) {
        this.outcomes = outcomes;
    }

    @Override
    public String name() {
        return "best single model";
    }

    @Override
    public int[] choose(Zoo zoo, QuestionFold fold) {
        int best = ZooAccuracy.argmax(ZooAccuracy.of(outcomes, zoo, fold.trainRows()));
        int[] choices = new int[fold.evalRows().length];
        Arrays.fill(choices, best);
        return choices;
    }
}
