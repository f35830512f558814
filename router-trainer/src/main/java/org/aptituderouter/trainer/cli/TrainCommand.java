package org.aptituderouter.trainer.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.aptituderouter.core.inference.InferenceSettings;
import org.aptituderouter.trainer.bundle.BundleTraining;
import org.aptituderouter.trainer.bundle.ModelBundle;
import org.aptituderouter.trainer.data.RoutingDataset;
import org.aptituderouter.trainer.data.SharedDataLocation;
import org.aptituderouter.trainer.embed.EmbeddingCache;
import org.aptituderouter.trainer.train.TrainedEnsemble;
import org.aptituderouter.trainer.train.TrainingConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bin/router train}: builds the aptitude test, the zoo's capabilities and the scorer head from the data. */
@Command(name = "train", mixinStandardHelpOptions = true,
    description = "Builds aptitude-test.json, zoo-capabilities.jsonl, scorer-head.onnx and scorer-head.json.")
final class TrainCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--data", paramLabel = "DIR", description = "routing data (default: ../shared/routing-data)")
  Path data;

  @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: router-core's model resources)")
  Path out;

  @Option(names = "--seed", defaultValue = "42", description = "training seed (default 42)")
  long seed;

  @Option(names = "--epochs", paramLabel = "N", description = "maximum epochs (default 60; early stopping may end sooner)")
  Integer epochs;

  @Option(names = "--cache", paramLabel = "DIR", description = "embedding cache (default ~/.cache/aptitude-router)")
  Path cache;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    RoutingDataset dataset = RoutingDataset.load(SharedDataLocation.resolve(data));
    ModelBundle bundle = new ModelBundle(out != null ? out : RepositoryRoot.find().resolve(ModelBundle.ROUTER_CORE_RESOURCES));
    TrainingConfig config = epochs == null ? TrainingConfig.defaults(seed) : TrainingConfig.defaults(seed).withMaxEpochs(epochs);
    TrainedEnsemble head;
    try (StagedProgress progress = new StagedProgress(config.ensembleSize(), config.maxEpochs())) {
      head = new BundleTraining(InferenceSettings.defaults(), cache == null ? EmbeddingCache.inUserCache() : new EmbeddingCache(cache))
          .run(dataset, bundle, config, progress);
    }
    err.printf(Locale.ROOT, "train: wrote %s; %d heads, validation AUC %.4f, %.0f s%n",
        bundle.directory(), head.members().size(), head.validationAuc(), head.seconds());
    return 0;
  }
}
