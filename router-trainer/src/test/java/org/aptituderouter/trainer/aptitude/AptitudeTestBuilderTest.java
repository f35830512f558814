package org.aptituderouter.trainer.aptitude;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.aptituderouter.core.aptitude.AptitudeTask;
import org.aptituderouter.core.aptitude.AptitudeTest;
import org.aptituderouter.core.aptitude.TaskEvidence;
import org.aptituderouter.trainer.data.OutcomeTable;
import org.aptituderouter.trainer.data.Question;
import org.aptituderouter.trainer.data.QuestionSplits;
import org.aptituderouter.trainer.data.RoutingDataset;
import org.junit.jupiter.api.Test;

/**
 * A fixture of two well-separated kinds of question (60 "math" along one axis, 20 "law" along another) whose
 * difficulty rises with the row number, answered by three models: the builder must find the two kinds, give each
 * a share of the budget in proportion to its size, spread its questions over the difficulty range, and leave
 * every kind questions to route.
 */
class AptitudeTestBuilderTest {

    private static final int MATH = 60;
    private static final int LAW = 20;

    @Test
    void tasksAreTheClustersWithBudgetSharesAndTheWholeDifficultyRange() {
        RoutingDataset data = fixture();
        AptitudeTest test = builder(20).build("fixture-apt-v2", data, embeddings());

        assertThat(test.id()).matches("fixture-apt-v2-[0-9a-f]{8}");
        assertThat(test.priorItems()).isEqualTo(5.0);
        assertThat(test.tasks()).hasSize(2);
        AptitudeTask math = task(test, "math");
        AptitudeTask law = task(test, "law");
        assertThat(math.questionIds()).hasSize(15).doesNotHaveDuplicates().allMatch(id -> id.startsWith("m"));
        assertThat(law.questionIds()).hasSize(5).allMatch(id -> id.startsWith("l"));
        assertThat(math.weight()).isEqualTo(0.75);
        assertThat(law.weight()).isEqualTo(0.25);
        // evenly spaced over difficulty: questions every model answers and questions none answers are both asked
        double[] difficulty = AptitudeTestBuilder.meanCorrectness(data.outcomes());
        for (AptitudeTask task : List.of(math, law)) {
            assertThat(task.questionIds().stream()
                            .mapToDouble(id -> difficulty[data.outcomes().questionIndex(id)]))
                    .contains(0.0, 1.0);
        }
        assertThat(norm(math.centroid())).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
    }

    @Test
    void neverTakesMoreThanHalfOfATaskNorTheShareOfTheData() {
        RoutingDataset data = fixture();
        AptitudeTest greedy = builder(1000).build("fixture-apt-v2", data, embeddings());

        // the budget is capped at 40% of 80 questions = 32; law can give at most 10 of its 20
        int total = greedy.tasks().stream()
                .mapToInt(task -> task.questionIds().size())
                .sum();
        assertThat(total).isLessThanOrEqualTo(32);
        assertThat(task(greedy, "law").questionIds()).hasSizeLessThanOrEqualTo(LAW / 2);
        assertThat(QuestionSplits.routingRows(data, greedy)).hasSize(data.size() - total);
    }

    @Test
    void isDeterministicAndItsIdChangesWithItsContents() {
        RoutingDataset data = fixture();
        AptitudeTest test = builder(20).build("x", data, embeddings());
        assertThat(test).isEqualTo(builder(20).build("x", data, embeddings()));
        AptitudeTest smaller = builder(12).build("x", data, embeddings());
        assertThat(smaller.id()).startsWith("x-").isNotEqualTo(test.id());
    }

    @Test
    void historyPlacesEachAnsweredQuestionInItsNearestTaskOnce() {
        RoutingDataset data = fixture();
        AptitudeTest test = builder(20).build("fixture-apt-v2", data, embeddings());
        ModelEvidence evidence = new ModelEvidence(test, embeddings());
        int[] all = java.util.stream.IntStream.range(0, data.size()).toArray();

        TaskEvidence aptitude = evidence.aptitude(data.outcomes(), "strong", AptitudeTest.Missing.ERROR);
        TaskEvidence history = evidence.withHistory(data.outcomes(), "strong", all, AptitudeTest.Missing.ERROR);

        int mathTask = test.tasks().indexOf(task(test, "math"));
        assertThat(aptitude.answered()[mathTask]).isEqualTo(15);
        assertThat(history.answered()[mathTask]).as("every math question once").isEqualTo(MATH);
        assertThat(history.answered()[1 - mathTask]).isEqualTo(LAW);
        assertThat(history.total()).isEqualTo(data.size());
    }

    @Test
    void aTaskHarderThanTheModelsLevelsHasANegativeOffset() {
        // two models right on 3 of 4 questions overall; the task holds the one each got wrong and one both got right
        byte[][] outcomes = {{1, 1}, {0, 1}, {1, 0}, {1, 1}};
        OutcomeTable table = new OutcomeTable(List.of("a", "b"), List.of("q1", "q2", "q3", "q4"), outcomes);
        double hard = AptitudeTestBuilder.offset(table, List.of(1, 2));
        double easy = AptitudeTestBuilder.offset(table, List.of(0, 3));
        // smoothed: task 1.5 / 3 against overall 3.5 / 5, per model
        assertThat(hard).isCloseTo(Math.log(1.0) - Math.log(0.7 / 0.3), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(easy).isPositive();
    }

    @Test
    void aSparseTableWithoutACompleteRowStillGetsATestAndTrainingEvidence() {
        RoutingDataset full = fixture();
        byte[][] sparse = new byte[full.size()][];
        for (int row = 0; row < sparse.length; row++) {
            sparse[row] = new byte[3];
            for (int m = 0; m < 3; m++) {
                sparse[row][m] =
                        m == row % 3 ? OutcomeTable.MISSING : full.outcomes().outcome(row, m);
            }
        }
        RoutingDataset data = new RoutingDataset(
                "sparse",
                full.questions(),
                new OutcomeTable(full.outcomes().modelIds(), full.outcomes().questionIds(), sparse),
                List.of(),
                "sparse");

        AptitudeTest test = builder(20).build("sparse-apt-v2", data, embeddings());

        assertThat(test.tasks()).hasSize(2);
        assertThat(test.tasks().stream()
                        .mapToInt(task -> task.questionIds().size())
                        .sum())
                .isEqualTo(20);
        float[][] capabilities = org.aptituderouter.trainer.train.HeadFitting.aptitudeCapabilities(
                test, data, data.outcomes().modelIds());
        assertThat(capabilities).hasNumberOfRows(3);
        assertThat(capabilities[0][0]).isBetween(0f, 1f);
    }

    @Test
    void clusteringSeparatesTheKinds() {
        float[][] points = embeddings();
        float[][] centroids = TaskClustering.centroids(points, 2, 3);
        Set<Integer> mathClusters = new HashSet<>();
        Set<Integer> lawClusters = new HashSet<>();
        for (int i = 0; i < points.length; i++) {
            (i < MATH ? mathClusters : lawClusters).add(TaskClustering.nearest(points[i], centroids));
        }
        assertThat(mathClusters).hasSize(1);
        assertThat(lawClusters).hasSize(1).doesNotContainAnyElementsOf(mathClusters);
    }

    private static AptitudeTestBuilder builder(int questions) {
        return new AptitudeTestBuilder(new AptitudeTestBuilder.Settings(2, questions, 0.4, 5, 11));
    }

    private static AptitudeTask task(AptitudeTest test, String kind) {
        return test.tasks().stream()
                .filter(task -> task.name().endsWith(kind))
                .findFirst()
                .orElseThrow();
    }

    /** Math rows lean on axis 0, law rows on axis 1, each with a small private component so none coincide. */
    private static float[][] embeddings() {
        float[][] rows = new float[MATH + LAW][8];
        for (int i = 0; i < rows.length; i++) {
            rows[i][i < MATH ? 0 : 1] = 1f;
            rows[i][2 + i % 6] = 0.1f + 0.001f * i;
            float norm = (float) norm(rows[i]);
            for (int d = 0; d < 8; d++) {
                rows[i][d] /= norm;
            }
        }
        return rows;
    }

    /** Row r of each kind: the strong model is right up to a point that falls with r; difficulty rises with r. */
    private static RoutingDataset fixture() {
        List<Question> questions = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        byte[][] outcomes = new byte[MATH + LAW][];
        for (int i = 0; i < MATH + LAW; i++) {
            boolean math = i < MATH;
            int r = math ? i : i - MATH;
            int size = math ? MATH : LAW;
            String id = String.format(java.util.Locale.ROOT, "%s%02d", math ? "m" : "l", r);
            ids.add(id);
            questions.add(new Question(id, "question " + id, List.of(), "", math ? "math" : "law", ""));
            double easiness = 1 - (double) r / size;
            outcomes[i] = new byte[] {
                (byte) (easiness > 0.2 ? 1 : 0), (byte) (easiness > 0.5 ? 1 : 0), (byte) (easiness > 0.8 ? 1 : 0)
            };
        }
        OutcomeTable table = new OutcomeTable(List.of("strong", "middle", "weak"), ids, outcomes);
        return new RoutingDataset("fixture", questions, table, List.of(), "fixture");
    }

    private static double norm(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += x * x;
        }
        return Math.sqrt(sum);
    }
}
