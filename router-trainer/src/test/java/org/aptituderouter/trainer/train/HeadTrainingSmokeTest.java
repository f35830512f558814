package org.aptituderouter.trainer.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.aptituderouter.core.aptitude.AptitudeTest;
import org.aptituderouter.core.inference.InferenceSettings;
import org.aptituderouter.trainer.SharedData;
import org.aptituderouter.trainer.aptitude.AptitudeTestBuilder;
import org.aptituderouter.trainer.data.QuestionSplits;
import org.aptituderouter.trainer.data.RoutingDataset;
import org.aptituderouter.trainer.embed.EmbeddingCache;
import org.aptituderouter.trainer.embed.QuestionEmbedder;
import org.junit.jupiter.api.Test;

/**
 * A seeded sample of the real mixed-task data with real embeddings: the same seed must give the same weights bit
 * for bit, and the head must rank outcomes better than chance, also for models it never saw (known only by their
 * aptitude answers).
 */
class HeadTrainingSmokeTest {

    private static final List<String> UNSEEN = List.of("qwen2.5-7b-instruct", "llama3-chatqa-1.5-8b");

    @Test
    void seededTrainingIsReproducibleAndLearns() {
        RoutingDataset data = SharedData.nim().sample(800, 3);
        float[][] embeddings = new QuestionEmbedder(InferenceSettings.defaults(), EmbeddingCache.inUserCache())
                .embed(data.questions(), done -> {})
                .rows();
        AptitudeTest test = new AptitudeTestBuilder(new AptitudeTestBuilder.Settings(4, 160, 0.2, 50, 3))
                .build("nim-sample-apt-v2", data, embeddings);
        int[] routing = QuestionSplits.routingRows(data, test);
        List<String> seen = data.outcomes().modelIds().stream()
                .filter(model -> !UNSEEN.contains(model))
                .toList();
        TrainingConfig config = new TrainingConfig(6, 64, 1e-2f, 1e-4f, 10, 11, 1);
        HeadFitting fitting = new HeadFitting(HeadArchitecture.forTest(384, test), config);

        TrainedEnsemble first =
                fitting.fit(data, test, embeddings, seen, routing, (member, epoch, train, validation) -> {});
        TrainedEnsemble second =
                fitting.fit(data, test, embeddings, seen, routing, (member, epoch, train, validation) -> {});
        TrainedEnsemble otherSeed = new HeadFitting(fitting.architecture(), config.withSeed(12))
                .fit(data, test, embeddings, seen, routing, (member, epoch, train, validation) -> {});

        assertThat(first.ensemble().sameValues(second.ensemble()))
                .as("same seed, same weights")
                .isTrue();
        assertThat(first.ensemble().sameValues(otherSeed.ensemble()))
                .as("another seed, other weights")
                .isFalse();
        assertThat(first.members())
                .hasSize(1)
                .allSatisfy(member -> assertThat(member.epochsRun()).isEqualTo(6));
        assertThat(first.validationAuc()).as("validation AUC, seen models").isGreaterThan(0.65);
        HeadWeights weights = first.ensemble().members().get(0);
        assertThat(Math.log1p(Math.exp(weights.get(HeadArchitecture.ABILITY_SCALE)[0])))
                .as("the task scores carry weight (softplus scale)")
                .isGreaterThan(0.2);
        assertThat(weights.get(HeadArchitecture.CENTROIDS))
                .as("centroids stay the test's")
                .isEqualTo(HeadArchitecture.centroidMatrix(test));

        int[] validation = QuestionSplits.split(routing, 1 - HeadFitting.VALIDATION_FRACTION, config.seed())
                .second();
        float[][] predictions = HeadPredictor.predict(
                first.ensemble(),
                Arrays.stream(validation).mapToObj(row -> embeddings[row]).toArray(float[][]::new),
                HeadFitting.aptitudeCapabilities(test, data, UNSEEN));
        byte[][] labels = new byte[validation.length][UNSEEN.size()];
        for (int i = 0; i < validation.length; i++) {
            for (int m = 0; m < UNSEEN.size(); m++) {
                labels[i][m] =
                        data.outcomes().outcome(validation[i], data.outcomes().modelIndex(UNSEEN.get(m)));
            }
        }
        assertThat(BinaryMetrics.auc(predictions, labels))
                .as("AUC on unseen models")
                .isGreaterThan(0.6);
    }
}
