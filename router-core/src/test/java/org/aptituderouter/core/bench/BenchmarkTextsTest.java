package org.aptituderouter.core.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarkTextsTest {

    @Test
    void questionLinesBecomeInstructionTextsUpToTheLimit(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("questions.jsonl"), """
                {"question_id": "1", "question": "What is 2+2?", "options": ["3", "4"], "answer": "B"}

                {"text": "Free-form instruction"}
                {"question": "third", "options": []}
                """);
        assertThat(BenchmarkTexts.read(file, 2))
                .containsExactlyInAnyOrder("What is 2+2?\nA. 3\nB. 4", "Free-form instruction");
    }

    @Test
    void otherFilesAreOneInstructionPerLine(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("texts.txt"), "first\n\nsecond {\"not\": \"json\"}\n");
        assertThat(BenchmarkTexts.read(file, 10)).containsExactlyInAnyOrder("first", "second {\"not\": \"json\"}");
    }

    @Test
    void anEmptyFileIsAnError(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("empty.jsonl"), "\n");
        assertThatThrownBy(() -> BenchmarkTexts.read(file, 10)).hasMessageContaining("holds no instructions");
    }

    @Test
    void theBuiltInSampleIsMultipleChoice() {
        assertThat(BenchmarkTexts.sample()).hasSizeGreaterThanOrEqualTo(8).allSatisfy(t -> assertThat(t).contains("\nA. "));
    }
}
