package org.aptituderouter.trainer.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import org.aptituderouter.core.aptitude.AptitudeTest;
import org.aptituderouter.core.bundle.RouterBundle;
import org.aptituderouter.core.encoder.EncoderFamily;
import org.aptituderouter.core.inference.InferenceSettings;
import org.aptituderouter.trainer.aptitude.AptitudeTestBuilder;
import org.aptituderouter.trainer.data.RoutingDataset;
import org.aptituderouter.trainer.data.SharedDataLocation;
import org.aptituderouter.trainer.embed.EmbeddingCache;
import org.aptituderouter.trainer.embed.Embeddings;
import org.aptituderouter.trainer.embed.QuestionEmbedder;
import org.aptituderouter.trainer.eval.Evaluation;
import org.aptituderouter.trainer.eval.EvaluationReport;
import org.aptituderouter.trainer.eval.EvaluationSettings;
import org.aptituderouter.trainer.eval.ZooResult;
import org.aptituderouter.trainer.report.EncoderComparison;
import org.aptituderouter.trainer.report.OnlineEvidenceReport;
import org.aptituderouter.trainer.report.ReportWriter;
import org.aptituderouter.trainer.train.HeadArchitecture;
import org.aptituderouter.trainer.train.TrainingConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bin/router evaluate}: leave-models-out cross-validation against the baselines, written as a report. */
@Command(
        name = "evaluate",
        mixinStandardHelpOptions = true,
        description = "Cross-validates the router with unseen models and questions; writes report.md and PNG plots.")
final class EvaluateCommand implements Callable<Integer> {

    /** Graded outcomes per model after which {@code --online} routes again. */
    static final List<Integer> ONLINE_STAGES = List.of(100, 1000, 5000);

    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", description = "routing data (default: ../shared/routing-data)")
    Path data;

    @Option(names = "--report", paramLabel = "DIR", description = "report folder (default: reports/local/evaluation)")
    Path report;

    @Option(names = "--seed", defaultValue = "42", description = "seed of splits and training (default 42)")
    long seed;

    @Option(
            names = "--bundle",
            paramLabel = "DIR",
            description = "evaluate this bundle's aptitude test (default: build one from the data, as train would)")
    Path bundle;

    @Option(
            names = "--tasks",
            defaultValue = "16",
            paramLabel = "K",
            description = "aptitude tasks when building (default 16)")
    int tasks;

    @Option(
            names = "--aptitude-questions",
            defaultValue = "1000",
            paramLabel = "N",
            description =
                    "aptitude-test size when building, about N and at most about a fifth of the data set (default 1000)")
    int aptitudeQuestions;

    @Option(names = "--epochs", paramLabel = "N", description = "maximum epochs per head (default 40)")
    Integer epochs;

    @Option(
            names = "--question-folds",
            defaultValue = "2",
            paramLabel = "N",
            description = "question folds (default 2)")
    int questionFolds;

    @Mixin
    EncoderOptions encoder;

    @Option(names = "--cache", paramLabel = "DIR", description = "embedding cache (default ~/.cache/aptitude-router)")
    Path cache;

    @Option(
            names = "--online",
            description =
                    "also route after 100, 1,000 and 5,000 graded outcomes per model, added to the models' aptitude "
                            + "evidence as the live router adds them; writes online.md and online.png")
    boolean online;

    @Option(
            names = "--compare-encoders",
            description =
                    "evaluate with MiniLM and with the static encoder, each in a sub-folder of the report, and write "
                            + "encoders.md with the two side by side (--encoder is then ignored)")
    boolean compareEncoders;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        RoutingDataset dataset = RoutingDataset.load(SharedDataLocation.resolve(data));
        Path directory = report != null
                ? report
                : RepositoryRoot.find()
                        .resolve("reports")
                        .resolve("local")
                        .resolve("evaluation")
                        .resolve(dataset.name());
        if (!compareEncoders) {
            evaluate(dataset, encoder.settings(err), directory, err);
            return 0;
        }
        Map<EncoderFamily, Evaluated> results = new EnumMap<>(EncoderFamily.class);
        for (EncoderFamily family : EncoderFamily.values()) {
            err.println("evaluate: encoder " + family.label());
            results.put(
                    family, evaluate(dataset, encoder.settings(family, err), directory.resolve(family.label()), err));
        }
        Evaluated miniLm = results.get(EncoderFamily.MINILM);
        Evaluated staticEncoder = results.get(EncoderFamily.STATIC);
        Path comparison = EncoderComparison.write(
                dataset.name(),
                miniLm.encoder(),
                miniLm.report(),
                staticEncoder.encoder(),
                staticEncoder.report(),
                directory.resolve(EncoderComparison.FILE));
        err.println("evaluate: wrote " + comparison);
        return 0;
    }

    /** One evaluation with one encoder, its report written; returns the report and the encoder's version. */
    private Evaluated evaluate(RoutingDataset dataset, InferenceSettings inference, Path directory, PrintWriter err) {
        Embeddings embeddings;
        try (ProgressBar bar = ProgressBars.create("Embedding", dataset.size())) {
            embeddings = new QuestionEmbedder(
                            inference, cache == null ? EmbeddingCache.inUserCache() : new EmbeddingCache(cache))
                    .embed(dataset.questions(), bar::stepTo);
        }
        AptitudeTest test;
        if (bundle != null) {
            test = RouterBundle.load(bundle).aptitudeTest();
        } else {
            AptitudeTestBuilder.Settings defaults = AptitudeTestBuilder.Settings.defaults(seed);
            test = new AptitudeTestBuilder(new AptitudeTestBuilder.Settings(
                            tasks, aptitudeQuestions, defaults.maxShare(), defaults.priorItems(), seed))
                    .build(TrainCommand.testId(dataset), dataset, embeddings.rows());
        }
        TrainingConfig training = epochs == null
                ? TrainingConfig.defaults(seed)
                : TrainingConfig.defaults(seed).withMaxEpochs(epochs);
        EvaluationSettings defaults =
                EvaluationSettings.defaults(HeadArchitecture.forTest(embeddings.dimension(), test), training);
        EvaluationSettings settings = new EvaluationSettings(
                defaults.architecture(), training, questionFolds, defaults.modelFolds(), defaults.neighbours());
        EvaluationReport result;
        try (ProgressBar bar = ProgressBars.create("Cross-fitting heads", 1)) {
            result = new Evaluation(settings, online ? ONLINE_STAGES : List.of())
                    .run(dataset, test, embeddings.rows(), (run, runs, heldOut, fold) -> {
                        bar.maxHint(runs);
                        bar.stepTo(run - 1);
                        bar.setExtraMessage("holding out " + heldOut.size() + " models, question fold " + fold);
                    });
            bar.stepTo(result.runs().size());
        }
        Path file = ReportWriter.write(result, directory, embeddings.encoderVersion());
        if (online) {
            err.println("evaluate: wrote " + OnlineEvidenceReport.write(result, ONLINE_STAGES, directory));
        }
        for (ZooResult zoo : result.zoos()) {
            err.printf(
                    Locale.ROOT,
                    "evaluate: %s zoo: router %.2f%% (new models), %.2f%% (known), best single %.2f%%, "
                            + "label-rich %.2f%%, oracle %.2f%%%n",
                    zoo.zoo().name(),
                    100 * zoo.method(ReportWriter.ROUTER).accuracy(),
                    100 * zoo.method(ReportWriter.ROUTER_KNOWN).accuracy(),
                    100 * zoo.method(ReportWriter.BEST_SINGLE).accuracy(),
                    100 * zoo.method(ReportWriter.LABEL_RICH).accuracy(),
                    100 * zoo.oracleAccuracy());
        }
        err.println("evaluate: wrote " + file);
        return new Evaluated(embeddings.encoderVersion(), result);
    }

    /** An evaluation and the encoder it embedded with. */
    record Evaluated(String encoder, EvaluationReport report) {}
}
