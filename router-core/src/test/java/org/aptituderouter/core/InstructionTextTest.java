package org.aptituderouter.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class InstructionTextTest {

    @Test
    void questionThenOneLetteredOptionPerLine() {
        assertThat(InstructionText.of("What is 2+2?", List.of("3", "4", "22")))
                .isEqualTo("What is 2+2?\nA. 3\nB. 4\nC. 22");
    }

    @Test
    void tenOptionsRunToJ() {
        List<String> options = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        assertThat(InstructionText.of("q", options)).endsWith("\nI. 8\nJ. 9");
    }

    @Test
    void noOptionsIsTheQuestionAlone() {
        assertThat(InstructionText.of("Explain entropy.", List.of())).isEqualTo("Explain entropy.");
    }

    @Test
    void moreOptionsThanLettersAreRefused() {
        assertThatThrownBy(() -> InstructionText.of("q", Collections.nCopies(27, "x")))
                .hasMessageContaining("at most 26 options");
    }
}
