package org.aptituderouter.trainer.train;

import java.util.List;
import org.aptituderouter.core.aptitude.AptitudeTest;
import org.aptituderouter.trainer.data.QuestionSplits;
import org.aptituderouter.trainer.data.RoutingDataset;

/** One training run on given models and question rows, with a seeded validation split carved from the rows. */
public final class HeadFitting {

  /** Share of the training rows held back for early stopping. */
  public static final double VALIDATION_FRACTION = 0.1;

  private final HeadArchitecture architecture;
  private final TrainingConfig config;

  public HeadFitting(HeadArchitecture architecture, TrainingConfig config) {
    this.architecture = architecture;
    this.config = config;
  }

  public TrainedHead fit(RoutingDataset data, AptitudeTest test, float[][] embeddings, List<String> models, int[] rows,
      HeadTrainer.EpochListener listener) {
    QuestionSplits.Split split = QuestionSplits.split(rows, 1 - VALIDATION_FRACTION, config.seed());
    TrainingSet set = new TrainingSet(embeddings, data.outcomes(), models, split.first(), split.second(),
        new CapabilityBootstrap(test, data.outcomes(), models));
    return new HeadTrainer(architecture, config).train(set, listener);
  }

  public HeadArchitecture architecture() {
    return architecture;
  }

  public TrainingConfig config() {
    return config;
  }
}
