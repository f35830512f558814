package org.aptituderouter.app.outcomes;

import org.aptituderouter.schemas.avro.DeadLetter;

/** What the outcome check emits per outcome record: a graded outcome for the model's evidence, or a dead letter. */
public sealed interface OutcomeOutput {

    /** Counts toward {@code modelId}'s evidence. */
    record Counted(String modelId, GradedOutcome outcome) implements OutcomeOutput {}

    /** An outcome that cannot count, with the reason. */
    record DeadLettered(DeadLetter letter) implements OutcomeOutput {}
}
