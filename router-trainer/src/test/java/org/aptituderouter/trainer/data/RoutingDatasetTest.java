package org.aptituderouter.trainer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.aptituderouter.trainer.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoutingDatasetTest {

    @TempDir
    Path dir;

    @Test
    void readsQuestionsOutcomesAndModelsAlignedByRow() throws IOException {
        Path data = Files.createDirectories(dir.resolve("mmlu-pro"));
        Files.writeString(data.resolve("questions.jsonl"), """
        {"question_id": "7", "question": "Q seven?", "options": ["a", "b"], "answer": "B", "category": "math", "src": "ori_mmlu-algebra"}

        {"question_id": "3", "question": "Q three \u00e9?", "options": [], "answer": "A", "category": "law", "src": "stemez-Law"}
        """);
        Files.writeString(data.resolve("outcomes.csv"), "question_id,m1,m2\n3,1,\n7,0,1\n");
        Files.writeString(data.resolve("models.csv"), "model_id,params_b,active_params_b\nm1,7.5,7.5\nm2,,\n");

        RoutingDataset dataset = RoutingDataset.load(dir);

        assertThat(dataset.size()).isEqualTo(2);
        assertThat(dataset.question(0).id()).isEqualTo("3"); // rows follow the outcome table
        assertThat(dataset.question(0).question()).isEqualTo("Q three \u00e9?");
        assertThat(dataset.question(1).options()).containsExactly("a", "b");
        assertThat(dataset.question(1).src()).isEqualTo("ori_mmlu-algebra");
        OutcomeTable outcomes = dataset.outcomes();
        assertThat(outcomes.modelIds()).containsExactly("m1", "m2");
        assertThat(outcomes.outcome(0, 0)).isEqualTo((byte) 1);
        assertThat(outcomes.outcome(0, 1)).isEqualTo(OutcomeTable.MISSING);
        assertThat(outcomes.complete(0)).isFalse();
        assertThat(outcomes.complete(1)).isTrue();
        assertThat(dataset.model("m1").paramsB()).hasValue(7.5);
        assertThat(dataset.model("m2").paramsB()).isEmpty();
        assertThat(dataset.fingerprint()).hasSize(16);
    }

    @Test
    void namesTheLineOfABadOutcome() throws IOException {
        Path file = dir.resolve("outcomes.csv");
        Files.writeString(file, "question_id,m1,m2\n1,1,0\n2,1,yes\n");
        assertThatThrownBy(() -> OutcomeTableReader.read(file))
                .hasMessageContaining("line 3")
                .hasMessageContaining("m2")
                .hasMessageContaining("'yes'");
    }

    @Test
    void skipsBlankLinesAndStillNamesTheRightLine() throws IOException {
        Path file = dir.resolve("outcomes.csv");
        Files.writeString(file, "question_id,m1\n1,1\n   \n\n2,maybe");
        assertThatThrownBy(() -> OutcomeTableReader.read(file))
                .hasMessageContaining("line 5")
                .hasMessageContaining("'maybe'");
        Files.writeString(file, "question_id,m1\n1,1\n  \n2,0\n");
        assertThat(OutcomeTableReader.read(file).questionIds()).containsExactly("1", "2");
    }

    @Test
    void namesTheFileOfARepeatedColumn() throws IOException {
        Path file = dir.resolve("outcomes.csv");
        Files.writeString(file, "question_id,m1,m1\n1,1,0\n");
        assertThatThrownBy(() -> OutcomeTableReader.read(file)).hasMessageContaining(file.toString());
    }

    @Test
    void namesTheLineOfARowWithTheWrongNumberOfCells() throws IOException {
        Path file = dir.resolve("outcomes.csv");
        Files.writeString(file, "question_id,m1,m2\n1,1\n");
        assertThatThrownBy(() -> OutcomeTableReader.read(file)).hasMessageContaining("line 2");
    }

    @Test
    void reportsAMissingDataFolderClearly() {
        assertThatThrownBy(() -> RoutingDataset.load(dir.resolve("nowhere")))
                .hasMessageContaining("questions.jsonl")
                .hasMessageContaining("--data");
    }

    @Test
    void sharedDataHasTheDocumentedShape() {
        RoutingDataset dataset = SharedData.dataset();
        assertThat(dataset.size()).isEqualTo(9607);
        assertThat(dataset.outcomes().modelIds()).hasSize(23).contains("gemini-1.5-pro-002", "Phi-3-mini-4k-instruct");
        assertThat(dataset.models())
                .extracting(ModelInfo::modelId)
                .containsExactlyInAnyOrderElementsOf(dataset.outcomes().modelIds());
        long incomplete = java.util.stream.IntStream.range(0, dataset.size())
                .filter(row -> !dataset.outcomes().complete(row))
                .count();
        assertThat(incomplete).isEqualTo(9);
        assertThat(ModelCosts.of(dataset.models()))
                .containsEntry("gemini-1.5-pro-002", 500.0)
                .containsEntry("Mixtral-8x7B-Instruct-v0.1", 46.7);
        assertThat(dataset.name()).isEqualTo("mmlu-pro");
    }

    @Test
    void readsADataSetWithoutLabelsOrOptions() {
        RoutingDataset nim = SharedData.nim();
        assertThat(nim.size()).isEqualTo(4810);
        assertThat(nim.outcomes().modelIds()).hasSize(7);
        assertThat(nim.questions()).allSatisfy(question -> {
            assertThat(question.category()).isEmpty();
            assertThat(question.src()).isEmpty();
        });
    }

    @Test
    void aSampleKeepsQuestionsAndOutcomesRowForRow() {
        RoutingDataset nim = SharedData.nim();
        RoutingDataset sample = nim.sample(300, 5);
        assertThat(sample.size()).isEqualTo(300);
        assertThat(sample.fingerprint()).isNotEqualTo(nim.fingerprint());
        for (int row = 0; row < sample.size(); row++) {
            String id = sample.question(row).id();
            assertThat(sample.outcomes().questionIds().get(row)).isEqualTo(id);
            int original = nim.outcomes().questionIndex(id);
            for (int m = 0; m < 7; m++) {
                assertThat(sample.outcomes().outcome(row, m))
                        .isEqualTo(nim.outcomes().outcome(original, m));
            }
        }
        assertThat(nim.sample(300, 5).questions()).isEqualTo(sample.questions());
    }
}
