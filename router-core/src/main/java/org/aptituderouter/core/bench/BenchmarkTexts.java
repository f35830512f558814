package org.aptituderouter.core.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.aptituderouter.core.InstructionText;

/** The instructions a benchmark routes: read from a file at run time, or a built-in sample. */
final class BenchmarkTexts {

    /** MMLU-style instructions of typical length, for runs without a data file. */
    private static final List<String> SAMPLE = List.of(
            InstructionText.of(
                    "Which of the following best describes the function of ribosomes in a eukaryotic cell?",
                    List.of("Lipid synthesis", "Protein synthesis", "ATP production", "DNA replication")),
            InstructionText.of(
                    "A 2 kg block slides down a frictionless incline of 30 degrees. What is its acceleration?",
                    List.of("4.9 m/s^2", "9.8 m/s^2", "2.45 m/s^2", "8.5 m/s^2")),
            InstructionText.of(
                    "Under the doctrine of promissory estoppel, which element is essential?",
                    List.of("Consideration", "Detrimental reliance", "A written contract", "Mutual mistake")),
            InstructionText.of(
                    "What is the derivative of x^3 * ln(x)?",
                    List.of("3x^2 ln(x) + x^2", "3x^2 / x", "x^2 (3 ln(x) + 1)", "3x ln(x)")),
            InstructionText.of(
                    "Which economist is most associated with the theory of comparative advantage?",
                    List.of("Adam Smith", "David Ricardo", "John Maynard Keynes", "Milton Friedman")),
            InstructionText.of(
                    "In Python, what does the expression len(set([1, 2, 2, 3])) evaluate to?",
                    List.of("2", "3", "4", "An error")),
            InstructionText.of(
                    "Which philosopher wrote the Critique of Pure Reason?",
                    List.of("Hume", "Kant", "Hegel", "Descartes")),
            InstructionText.of(
                    "A company's current ratio is 2.5 and its current liabilities are $40,000. What are its "
                            + "current assets?",
                    List.of("$16,000", "$100,000", "$42,500", "$80,000")));

    private static final long SEED = 42;

    private BenchmarkTexts() {}

    static List<String> builtIn() {
        return SAMPLE;
    }

    /**
     * A fixed-seed random sample of {@code count} instructions (all, if the file has fewer) from a file: JSON lines
     * with {@code question} (and {@code options}), as in the MMLU-Pro questions.jsonl, or with {@code text}; any
     * other file is one instruction per line. Sampled from the whole file because files are often grouped by
     * subject, and subjects differ in length.
     */
    static List<String> sample(Path file, int count) throws IOException {
        ObjectMapper json = new ObjectMapper();
        boolean jsonLines = file.getFileName().toString().endsWith(".jsonl");
        List<String> texts = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    texts.add(jsonLines ? fromJson(json.readTree(line)) : line);
                }
            }
        }
        if (texts.isEmpty()) {
            throw new IllegalArgumentException(file + " holds no instructions");
        }
        Collections.shuffle(texts, new Random(SEED));
        return List.copyOf(texts.subList(0, Math.min(count, texts.size())));
    }

    private static String fromJson(JsonNode node) {
        if (node.hasNonNull("question")) {
            List<String> options = new ArrayList<>();
            node.path("options").forEach(o -> options.add(o.asText()));
            return InstructionText.of(node.get("question").asText(), options);
        }
        if (node.hasNonNull("text")) {
            return node.get("text").asText();
        }
        throw new IllegalArgumentException("JSON line without question or text: " + node);
    }
}
