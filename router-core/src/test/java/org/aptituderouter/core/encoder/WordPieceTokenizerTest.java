package org.aptituderouter.core.encoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.aptituderouter.core.InstructionText;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The hand-written tokenizer gives the native HuggingFace tokenizer's ids, on tricky strings and on real data. */
class WordPieceTokenizerTest {

    private static MiniLmTokenizer reference;
    private static WordPieceTokenizer tokenizer;

    @BeforeAll
    static void load() {
        reference = MiniLmTokenizer.load(EncoderVariant.FP32, 256);
        tokenizer = WordPieceTokenizer.load(EncoderVariant.FP32, 256);
    }

    @AfterAll
    static void close() {
        reference.close();
    }

    @Test
    void agreesOnTrickyText() {
        List<String> texts = List.of(
                "What is the capital of Australia?",
                "Café au lait, naïve résumé — ÀÉÎÕÜ façade",
                "İstanbul and ǅemal: ﬁne ligatures; Straße",
                "東京は日本の首都です。中文也可以",
                "emoji 😀 and 👍🏽 in text, plus \u200Bzero\u200Bwidth and a\u00A0no-break space",
                "tabs\tand\nnewlines\r\nand \u0085 next line \u2028 line separator",
                "control\u0001chars\u007Fand\uFFFDreplacement",
                "x".repeat(150) + " supercalifragilisticexpialidocious antidisestablishmentarianism",
                "$100 + 20% = <x> ^ `code` | ~tilde~ {braces} [brackets] #hash @at",
                "C++, C#, F#, node.js, e-mail, U.S.A., 3.14159, 1,000,000",
                "",
                "   ",
                "Ω ≈ ∑ ∫ √ ∞ ≤ ≥ ± × ÷ ° µ",
                "Привет мир, Γειά σου Κόσμε, مرحبا بالعالم, שלום עולם, नमस्ते दुनिया");
        for (String text : texts) {
            assertThat(tokenizer.ids(text)).as(text).containsExactly(native_(text));
        }
    }

    @Test
    void agreesOnEveryQuestionOfTheSharedDataSets() throws IOException {
        Path data = sharedData();
        assumeTrue(data != null, "the shared data sets are beside the checkout");
        int compared = 0;
        List<String> differing = new ArrayList<>();
        for (String set : List.of("mmlu-pro", "nim-mixed")) {
            for (String text : texts(data.resolve(set).resolve("questions.jsonl"))) {
                compared++;
                if (!Arrays.equals(tokenizer.ids(text), native_(text))) {
                    differing.add(text.length() > 80 ? text.substring(0, 80) + "..." : text);
                }
            }
        }
        assertThat(compared).isGreaterThan(14_000);
        assertThat(differing).as("texts tokenized differently, of " + compared).isEmpty();
    }

    private static int[] native_(String text) {
        long[] ids = reference.ids(List.of(text))[0];
        int[] out = new int[ids.length - 2];
        for (int i = 1; i < ids.length - 1; i++) {
            out[i - 1] = (int) ids[i];
        }
        return out;
    }

    private static List<String> texts(Path questions) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> texts = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(questions, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode q = json.readTree(line);
                List<String> options = new ArrayList<>();
                q.path("options").forEach(o -> options.add(o.asText()));
                texts.add(InstructionText.of(q.path("question").asText(), options));
            }
        }
        return texts;
    }

    private static Path sharedData() {
        String dir = System.getProperty("shared.data.dir");
        Path path = dir == null ? Path.of("..", "..", "shared", "routing-data") : Path.of(dir);
        return Files.isDirectory(path) ? path : null;
    }
}
