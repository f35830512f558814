package org.aptituderouter.core.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarkTextsTest {

    private static final String QUESTIONS = """
            {"question_id": "1", "question": "What is 2+2?", "options": ["3", "4"], "answer": "B"}

            {"text": "Free-form instruction"}
            {"question": "third", "options": []}
            """;

    @Test
    void questionLinesBecomeInstructionTexts(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("questions.jsonl"), QUESTIONS);
        assertThat(BenchmarkTexts.sample(file, 10))
                .containsExactlyInAnyOrder("What is 2+2?\nA. 3\nB. 4", "Free-form instruction", "third");
    }

    @Test
    void theSampleComesFromTheWholeFileAndIsReproducible(@TempDir Path dir) throws Exception {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            lines.append("line ").append(i).append('\n');
        }
        Path file = Files.writeString(dir.resolve("texts.txt"), lines);
        List<String> sample = BenchmarkTexts.sample(file, 20);
        assertThat(sample).hasSize(20).doesNotHaveDuplicates().isEqualTo(BenchmarkTexts.sample(file, 20));
        assertThat(sample)
                .anySatisfy(t -> assertThat(Integer.parseInt(t.substring(5))).isGreaterThan(500));
    }

    @Test
    void otherFilesAreOneInstructionPerLine(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("texts.txt"), "first\n\nsecond {\"not\": \"json\"}\n");
        assertThat(BenchmarkTexts.sample(file, 10)).containsExactlyInAnyOrder("first", "second {\"not\": \"json\"}");
    }

    @Test
    void anEmptyFileIsAnError(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("empty.jsonl"), "\n");
        assertThatThrownBy(() -> BenchmarkTexts.sample(file, 10)).hasMessageContaining("holds no instructions");
    }

    @Test
    void theBuiltInSampleIsMultipleChoice() {
        assertThat(BenchmarkTexts.builtIn())
                .hasSizeGreaterThanOrEqualTo(8)
                .allSatisfy(t -> assertThat(t).contains("\nA. "));
    }
}
