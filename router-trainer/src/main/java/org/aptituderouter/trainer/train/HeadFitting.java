package org.aptituderouter.trainer.train;

import java.util.ArrayList;
import java.util.List;
import org.aptituderouter.core.aptitude.AptitudeTest;
import org.aptituderouter.trainer.aptitude.AptitudeAnswers;
import org.aptituderouter.trainer.data.QuestionSplits;
import org.aptituderouter.trainer.data.RoutingDataset;

/**
 * Fits an ensemble on given models and question rows: one seeded validation split carved from the rows, shared by
 * the members, each member trained with its own seed.
 */
public final class HeadFitting {

    /** Share of the training rows held back for early stopping. */
    public static final double VALIDATION_FRACTION = 0.1;

    /** Told after every epoch of every member; lets the CLI draw progress. */
    public interface Listener {
        void epochDone(int member, int epoch, double trainLoss, double validationLoss);
    }

    private final HeadArchitecture architecture;
    private final TrainingConfig config;

    public HeadFitting(HeadArchitecture architecture, TrainingConfig config) {
        this.architecture = architecture;
        this.config = config;
    }

    public TrainedEnsemble fit(
            RoutingDataset data,
            AptitudeTest test,
            float[][] embeddings,
            List<String> models,
            int[] rows,
            Listener listener) {
        long started = System.nanoTime();
        QuestionSplits.Split split = QuestionSplits.split(rows, 1 - VALIDATION_FRACTION, config.seed());
        TrainingSet set = new TrainingSet(
                embeddings,
                data.outcomes(),
                models,
                split.first(),
                split.second(),
                aptitudeCapabilities(test, data, models));
        HeadWeights initial = HeadWeights.initial(architecture, HeadArchitecture.centroidMatrix(test));
        List<TrainedHead> members = new ArrayList<>();
        for (int i = 0; i < config.ensembleSize(); i++) {
            int member = i;
            members.add(new HeadTrainer(initial, config.member(i))
                    .train(set, (epoch, train, validation) -> listener.epochDone(member, epoch, train, validation)));
        }
        HeadEnsemble ensemble =
                new HeadEnsemble(members.stream().map(TrainedHead::weights).toList());
        float[][] predictions =
                HeadPredictor.predict(ensemble, set.embeddingsOf(set.validationRows()), set.capabilities());
        byte[][] labels = set.labels(set.validationRows());
        return new TrainedEnsemble(
                ensemble,
                members,
                BinaryMetrics.logLoss(predictions, labels),
                BinaryMetrics.auc(predictions, labels),
                (System.nanoTime() - started) / 1e9);
    }

    /**
     * Each model's capability vector from its aptitude answers alone, as a new model would bring it (an aptitude
     * question a model has no result for, possible in a sparse data set, is left out).
     */
    public static float[][] aptitudeCapabilities(AptitudeTest test, RoutingDataset data, List<String> models) {
        float[][] capabilities = new float[models.size()][];
        for (int m = 0; m < capabilities.length; m++) {
            capabilities[m] = test.scores(test.evidence(
                    models.get(m), AptitudeAnswers.of(data.outcomes(), models.get(m)), AptitudeTest.Missing.SKIP));
        }
        return capabilities;
    }

    public HeadArchitecture architecture() {
        return architecture;
    }
}
