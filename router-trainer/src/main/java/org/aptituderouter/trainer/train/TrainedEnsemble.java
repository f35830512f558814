package org.aptituderouter.trainer.train;

import java.util.List;

/**
 * The outcome of fitting an ensemble: its weights, each member's run, and the ensemble's own validation figures.
 *
 * @param validationAuc ranking quality of the ensemble on the validation questions (training models)
 */
public record TrainedEnsemble(
        HeadEnsemble ensemble, List<TrainedHead> members, double validationLoss, double validationAuc, double seconds) {

    public TrainedEnsemble {
        members = List.copyOf(members);
    }
}
