package org.aptituderouter.trainer.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.aptituderouter.core.aptitude.AptitudeTest;
import org.aptituderouter.core.inference.InferenceSettings;
import org.aptituderouter.trainer.SharedData;
import org.aptituderouter.trainer.aptitude.AptitudeTestBuilder;
import org.aptituderouter.trainer.data.Question;
import org.aptituderouter.trainer.data.QuestionSplits;
import org.aptituderouter.trainer.data.RoutingDataset;
import org.aptituderouter.trainer.embed.EmbeddingCache;
import org.aptituderouter.trainer.embed.QuestionEmbedder;
import org.aptituderouter.trainer.eval.Zoo;
import org.junit.jupiter.api.Test;

/**
 * A few epochs on a small seeded subset of the real data, with real embeddings: the same seed must give the same
 * weights bit for bit, and the head must rank outcomes better than chance, also for models it never saw.
 */
class HeadTrainingSmokeTest {

  private static final int QUESTIONS = 400;

  @Test
  void seededTrainingIsReproducibleAndLearns() {
    RoutingDataset data = SharedData.dataset();
    AptitudeTest test = AptitudeTestBuilder.standard().build(data);
    int[] routing = QuestionSplits.routingRows(data, test);
    int[] subset = QuestionSplits.split(routing, (double) QUESTIONS / routing.length, 7).first();
    float[][] embeddings = embed(data, subset);
    List<String> seen = data.outcomes().modelIds().stream().filter(model -> !Zoo.SMALL.contains(model)).toList();
    TrainingConfig config = new TrainingConfig(4, 64, 2e-3f, 1e-2f, 10, 11, true, 2);
    HeadFitting fitting = new HeadFitting(HeadArchitecture.forTest(384, test), config);

    TrainedEnsemble first = fitting.fit(data, test, embeddings, seen, subset, (member, epoch, train, validation) -> {});
    TrainedEnsemble second = fitting.fit(data, test, embeddings, seen, subset, (member, epoch, train, validation) -> {});
    TrainedEnsemble otherSeed = new HeadFitting(fitting.architecture(), config.withSeed(12))
        .fit(data, test, embeddings, seen, subset, (member, epoch, train, validation) -> {});

    assertThat(first.ensemble().sameValues(second.ensemble())).as("same seed, same weights").isTrue();
    assertThat(first.ensemble().sameValues(otherSeed.ensemble())).as("another seed, other weights").isFalse();
    assertThat(first.members()).hasSize(2).allSatisfy(member -> assertThat(member.epochsRun()).isEqualTo(4));
    assertThat(first.validationAuc()).as("validation AUC, seen models").isGreaterThan(0.6);

    // unseen models, known only by their capability vectors, on the same validation questions
    int[] validation = QuestionSplits.split(subset, 1 - HeadFitting.VALIDATION_FRACTION, config.seed()).second();
    CapabilityBootstrap unseen = new CapabilityBootstrap(test, data.outcomes(), Zoo.SMALL);
    float[][] predictions = HeadPredictor.predict(first.ensemble(),
        Arrays.stream(validation).mapToObj(row -> embeddings[row]).toArray(float[][]::new), unseen.exact());
    byte[][] labels = new byte[validation.length][Zoo.SMALL.size()];
    for (int i = 0; i < validation.length; i++) {
      for (int m = 0; m < Zoo.SMALL.size(); m++) {
        labels[i][m] = data.outcomes().outcome(validation[i], data.outcomes().modelIndex(Zoo.SMALL.get(m)));
      }
    }
    assertThat(BinaryMetrics.auc(predictions, labels)).as("AUC on unseen models").isGreaterThan(0.55);
  }

  /** Only the subset is embedded; the other rows stay null and are never touched. */
  private static float[][] embed(RoutingDataset data, int[] rows) {
    List<Question> questions = Arrays.stream(rows).mapToObj(data::question).toList();
    float[][] embedded = new QuestionEmbedder(InferenceSettings.defaults(), EmbeddingCache.inUserCache())
        .embed(questions, done -> {}).rows();
    float[][] byRow = new float[data.size()][];
    for (int i = 0; i < rows.length; i++) {
      byRow[rows[i]] = embedded[i];
    }
    return byRow;
  }
}
