package org.aptituderouter.trainer.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.aptituderouter.trainer.aptitude.AptitudeTestBuilder;
import org.aptituderouter.trainer.bundle.BundleTraining;
import org.aptituderouter.trainer.bundle.ModelBundle;
import org.aptituderouter.trainer.data.RoutingDataset;
import org.aptituderouter.trainer.data.SharedDataLocation;
import org.aptituderouter.trainer.embed.EmbeddingCache;
import org.aptituderouter.trainer.train.TrainingConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bin/router train}: a bundle (aptitude test, zoo capabilities, scorer head) from a data set. */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        description = {
            "Builds a bundle from a data set in the shared layout (questions.jsonl, outcomes.csv, models.csv): "
                    + "aptitude-test.json, zoo-capabilities.jsonl, scorer-head.onnx and scorer-head.json.",
            "The bundle router-core ships is refreshed with --data ../shared/routing-data/mmlu-pro "
                    + "--out router-core/src/main/resources/org/aptituderouter/core/model"
        })
final class TrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--data",
            paramLabel = "DIR",
            description = "data set folder (default: ../shared/routing-data/mmlu-pro)")
    Path data;

    @Option(names = "--out", paramLabel = "DIR", description = "bundle folder (default: bundles/<data set name>)")
    Path out;

    @Option(names = "--seed", defaultValue = "42", description = "seed of clustering, splits and training (default 42)")
    long seed;

    @Option(
            names = "--epochs",
            paramLabel = "N",
            description = "maximum epochs (default 40; early stopping may end sooner)")
    Integer epochs;

    @Option(
            names = "--tasks",
            defaultValue = "16",
            paramLabel = "K",
            description = "aptitude tasks (clusters), default 16")
    int tasks;

    @Option(
            names = "--aptitude-questions",
            defaultValue = "1000",
            paramLabel = "N",
            description =
                    "aptitude-test size, about N and at most about a fifth of the data set (shares are rounded per "
                            + "task; default 1000)")
    int aptitudeQuestions;

    @Option(
            names = "--sample",
            paramLabel = "N",
            description = "train on a seeded sample of N questions (a quick bundle)")
    Integer sample;

    @Mixin
    EncoderOptions encoder;

    @Option(names = "--cache", paramLabel = "DIR", description = "embedding cache (default ~/.cache/aptitude-router)")
    Path cache;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (sample != null && sample < 1) {
            err.println("train: --sample must be a positive number of questions, was " + sample);
            return 2;
        }
        RoutingDataset dataset = RoutingDataset.load(SharedDataLocation.resolve(data));
        if (sample != null) {
            dataset = dataset.sample(sample, seed);
        }
        ModelBundle bundle = new ModelBundle(
                out != null ? out : RepositoryRoot.find().resolve("bundles").resolve(dataset.name()));
        TrainingConfig config = epochs == null
                ? TrainingConfig.defaults(seed)
                : TrainingConfig.defaults(seed).withMaxEpochs(epochs);
        AptitudeTestBuilder.Settings defaults = AptitudeTestBuilder.Settings.defaults(seed);
        AptitudeTestBuilder.Settings testSettings = new AptitudeTestBuilder.Settings(
                tasks, aptitudeQuestions, defaults.maxShare(), defaults.priorItems(), seed);
        BundleTraining.Trained trained;
        try (StagedProgress progress = new StagedProgress(config.ensembleSize(), config.maxEpochs())) {
            trained = new BundleTraining(
                            encoder.settings(spec.commandLine().getErr()),
                            cache == null ? EmbeddingCache.inUserCache() : new EmbeddingCache(cache))
                    .run(dataset, testId(dataset), testSettings, bundle, config, progress);
        }
        err.printf(
                Locale.ROOT,
                "train: wrote %s (aptitude test %s); validation AUC %.4f, %.0f s%n",
                bundle.directory(),
                trained.test().id(),
                trained.head().validationAuc(),
                trained.head().seconds());
        return 0;
    }

    /**
     * {@code <data set>-apt-v2}, to which the builder appends a fingerprint of the test's contents; v1 was the
     * MMLU-subject test of 50 x 20 mid-difficulty questions.
     */
    static String testId(RoutingDataset dataset) {
        return dataset.name() + "-apt-v2";
    }
}
