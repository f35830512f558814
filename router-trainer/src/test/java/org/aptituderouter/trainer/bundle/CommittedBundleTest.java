package org.aptituderouter.trainer.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.aptituderouter.core.aptitude.AptitudeTask;
import org.aptituderouter.core.aptitude.AptitudeTest;
import org.aptituderouter.core.bundle.RouterBundle;
import org.aptituderouter.core.capability.Candidate;
import org.aptituderouter.core.capability.CapabilitySet;
import org.aptituderouter.core.inference.InferenceSettings;
import org.aptituderouter.core.scoring.ScorerHead;
import org.aptituderouter.trainer.SharedData;
import org.aptituderouter.trainer.aptitude.ModelEvidence;
import org.aptituderouter.trainer.data.RoutingDataset;
import org.junit.jupiter.api.Test;

/** The bundle committed to router-core fits together and fits the shared data it was trained on. */
class CommittedBundleTest {

    private final RouterBundle bundle = RouterBundle.bundled();
    private final AptitudeTest test = bundle.aptitudeTest();

    @Test
    void aptitudeTestIsV2WithAboutAThousandCompleteQuestionsOverEveryTask() {
        RoutingDataset data = SharedData.dataset();
        assertThat(test.id()).matches("mmlu-pro-apt-v2-[0-9a-f]{8}");
        assertThat(test.priorItems()).isPositive();
        Set<String> all = new HashSet<>();
        for (AptitudeTask task : test.tasks()) {
            assertThat(task.centroid()).hasSize(384);
            for (String id : task.questionIds()) {
                assertThat(data.outcomes().complete(data.outcomes().questionIndex(id)))
                        .as("all outcomes of %s", id)
                        .isTrue();
            }
            all.addAll(task.questionIds());
        }
        assertThat(all.size()).as("about 1,000: shares are rounded per task").isBetween(950, 1030);
        assertThat(Arrays.stream(test.weights()).sum()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void zooCarriesEachModelsWholeHistoryAsEvidence() {
        RoutingDataset data = SharedData.dataset();
        List<Candidate> zoo = bundle.zoo();
        assertThat(zoo).hasSize(23);
        CapabilitySet set = CapabilitySet.empty(test).withAll(zoo);
        assertThat(set.find("gemini-1.5-pro-002").orElseThrow().cost()).isEqualTo(500.0);
        ModelEvidence evidence = new ModelEvidence(test);
        for (Candidate candidate : zoo) {
            assertThat(candidate.evidence().total())
                    .as(candidate.modelId())
                    .isEqualTo(answered(data, candidate.modelId()));
            // the aptitude part is the model's answers to the test, task by task
            int[] aptitude = evidence.aptitude(data.outcomes(), candidate.modelId(), AptitudeTest.Missing.ERROR)
                    .answered();
            for (int k = 0; k < aptitude.length; k++) {
                assertThat(candidate.evidence().answered()[k]).isGreaterThanOrEqualTo(aptitude[k]);
            }
            assertThat(set.find(candidate.modelId()).orElseThrow().scores()).isEqualTo(candidate.scores());
        }
        // the best model by level is the best model by accuracy
        Candidate best = zoo.stream()
                .max(java.util.Comparator.comparingDouble(set::level))
                .orElseThrow();
        assertThat(best.modelId()).isEqualTo("gemini-1.5-pro-002");
    }

    @Test
    void headRunsBatchedInRouterCoreAndRanksAStrongerModelHigher() {
        try (ScorerHead head = ScorerHead.fromBytes(bundle.head(), InferenceSettings.defaults(), "bundled")) {
            assertThat(head.embeddingDimension()).isEqualTo(384);
            assertThat(head.capabilityDimension()).isEqualTo(test.dimension());
            assertThat(bundle.encoder()).startsWith("all-minilm-l6-v2");
            SplittableRandom random = new SplittableRandom(3);
            float[][] embeddings = new float[4][384];
            for (float[] row : embeddings) {
                for (int d = 0; d < row.length; d++) {
                    row[d] = (float) random.nextGaussian() / 20;
                }
            }
            float[][] capabilities = {new float[test.dimension()], new float[test.dimension()]};
            Arrays.fill(capabilities[0], 0.3f);
            Arrays.fill(capabilities[1], 0.7f);
            float[][] probabilities = head.score(embeddings, capabilities);
            assertThat(probabilities).hasDimensions(4, 2);
            for (float[] row : probabilities) {
                assertThat(row[0]).isBetween(0f, 1f);
                assertThat(row[1])
                        .as("a model stronger on every task beats a weaker one")
                        .isGreaterThan(row[0]);
            }
        }
    }

    private static long answered(RoutingDataset data, String model) {
        int column = data.outcomes().modelIndex(model);
        return java.util.stream.IntStream.range(0, data.size())
                .filter(row ->
                        data.outcomes().outcome(row, column) != org.aptituderouter.trainer.data.OutcomeTable.MISSING)
                .count();
    }
}
