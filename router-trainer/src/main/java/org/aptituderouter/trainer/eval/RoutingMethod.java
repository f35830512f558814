package org.aptituderouter.trainer.eval;

/** A way of choosing one model of a zoo per question, compared in the evaluation. */
public interface RoutingMethod {

    String name();

    /** For each of {@code fold.evalRows()}, the index into {@code zoo.models()} of the chosen model. */
    int[] choose(Zoo zoo, QuestionFold fold);
}
