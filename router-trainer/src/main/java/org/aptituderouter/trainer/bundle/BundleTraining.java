package org.aptituderouter.trainer.bundle;

import java.util.List;
import org.aptituderouter.core.aptitude.AptitudeTest;
import org.aptituderouter.core.encoder.EncoderFamily;
import org.aptituderouter.core.encoder.StaticTable;
import org.aptituderouter.core.inference.InferenceSettings;
import org.aptituderouter.trainer.aptitude.AptitudeTestBuilder;
import org.aptituderouter.trainer.data.QuestionSplits;
import org.aptituderouter.trainer.data.RoutingDataset;
import org.aptituderouter.trainer.embed.EmbeddingCache;
import org.aptituderouter.trainer.embed.Embeddings;
import org.aptituderouter.trainer.embed.QuestionEmbedder;
import org.aptituderouter.trainer.export.OnnxHeadExporter;
import org.aptituderouter.trainer.train.HeadArchitecture;
import org.aptituderouter.trainer.train.HeadFitting;
import org.aptituderouter.trainer.train.TrainedEnsemble;
import org.aptituderouter.trainer.train.TrainingConfig;

/**
 * {@code bin/router train}: from a data set in the shared layout to a bundle folder. Embeds the questions,
 * clusters them into the aptitude test's tasks, describes every model of the data by its whole history, trains
 * the head on all models and all routing questions (less a validation split for early stopping) and exports it to
 * ONNX.
 */
public final class BundleTraining {

    /** Progress of the long steps. */
    public interface Progress {
        void embedded(int done, int total);

        void epoch(int member, int epoch, double trainLoss, double validationLoss);
    }

    private final InferenceSettings encoderSettings;
    private final EmbeddingCache cache;

    public BundleTraining(InferenceSettings encoderSettings, EmbeddingCache cache) {
        this.encoderSettings = encoderSettings;
        this.cache = cache;
    }

    /** What a run wrote: the aptitude test (its id names the bundle's test) and the head's training. */
    public record Trained(AptitudeTest test, TrainedEnsemble head) {}

    /** @param testId id of the aptitude test to build, e.g. {@code mmlu-pro-apt-v2} */
    public Trained run(
            RoutingDataset data,
            String testId,
            AptitudeTestBuilder.Settings testSettings,
            ModelBundle bundle,
            TrainingConfig config,
            Progress progress) {
        Embeddings embeddings = new QuestionEmbedder(encoderSettings, cache)
                .embed(data.questions(), done -> progress.embedded(done, data.size()));
        AptitudeTest test = new AptitudeTestBuilder(testSettings).build(testId, data, embeddings.rows());
        bundle.writeAptitudeTest(test);
        bundle.writeZoo(ZooCapabilities.of(data, test, embeddings.rows()));

        HeadArchitecture architecture = HeadArchitecture.forTest(embeddings.dimension(), test);
        List<String> models = data.outcomes().modelIds();
        int[] rows = QuestionSplits.routingRows(data, test);
        TrainedEnsemble head =
                new HeadFitting(architecture, config).fit(data, test, embeddings.rows(), models, rows, progress::epoch);

        HeadMetadata metadata = new HeadMetadata(
                test.id(),
                embeddings.encoderVersion(),
                embeddings.maxTokens(),
                data.fingerprint(),
                architecture,
                config,
                models,
                rows.length,
                head);
        bundle.writeHead(OnnxHeadExporter.export(head.ensemble(), docString(test, data, config)), metadata);
        if (encoderSettings.encoder() == EncoderFamily.STATIC) {
            // the head reads this table's space: the bundle carries it, so it routes alike on any machine
            bundle.writeStaticTable(StaticTable.read(encoderSettings.staticTable()));
        }
        return new Trained(test, head);
    }

    private static String docString(AptitudeTest test, RoutingDataset data, TrainingConfig config) {
        return "Model-SAT scorer head: P(model answers instruction correctly) from an instruction embedding and a "
                + test.id() + " capability vector. Data " + data.fingerprint() + ", seed " + config.seed() + ".";
    }
}
