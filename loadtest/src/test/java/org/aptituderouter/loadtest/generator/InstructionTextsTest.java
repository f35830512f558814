package org.aptituderouter.loadtest.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstructionTextsTest {

    @TempDir
    Path dir;

    @Test
    void rendersQuestionsAsTheRouterDoesAndTakesPlainTexts() throws Exception {
        Path file = Files.writeString(dir.resolve("texts.jsonl"), """
                {"question": "What is 2+2?", "options": ["3", "4"], "category": "math"}

                {"text": "Route me"}
                """);

        assertThat(InstructionTexts.read(file, 10)).containsExactlyInAnyOrder("What is 2+2?\nA. 3\nB. 4", "Route me");
    }

    @Test
    void aLimitSamplesTheWholeFileTheSameWayEveryTime() throws Exception {
        Path file = Files.write(
                dir.resolve("texts.jsonl"),
                IntStream.range(0, 1000)
                        .mapToObj(i -> "{\"text\": \"t" + i + "\"}")
                        .toList());

        List<String> sample = InstructionTexts.read(file, 100);

        assertThat(sample).hasSize(100).doesNotHaveDuplicates();
        assertThat(sample).isEqualTo(InstructionTexts.read(file, 100));
        // not the first hundred lines: the file may be grouped (the shared questions are, by subject)
        assertThat(sample.stream()
                        .filter(t -> Integer.parseInt(t.substring(1)) >= 500)
                        .count())
                .isGreaterThan(20);
    }

    @Test
    void aLineWithoutTextOrQuestionIsReportedWithItsNumber() throws Exception {
        Path file = Files.writeString(dir.resolve("bad.jsonl"), "{\"text\": \"ok\"}\n{\"prompt\": \"?\"}\n");

        assertThatThrownBy(() -> InstructionTexts.read(file, 10)).hasMessageContaining("line 2");
    }
}
