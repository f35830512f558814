package org.aptituderouter.trainer.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code questions.jsonl}: {@code question_id} and {@code question} are required; {@code options},
 * {@code answer}, {@code category} and {@code src} are optional (empty when absent, as in a user's own traffic).
 * A malformed line is a hard error naming it.
 */
public final class QuestionReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private QuestionReader() {}

    public static List<Question> read(Path file) {
        List<Question> questions = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int lineNumber = 0;
            while ((line = in.readLine()) != null) {
                lineNumber++;
                if (!line.isBlank()) {
                    questions.add(parse(line, file, lineNumber));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return List.copyOf(questions);
    }

    private static Question parse(String line, Path file, int lineNumber) {
        try {
            JsonNode node = JSON.readTree(line);
            List<String> options = new ArrayList<>();
            node.path("options").forEach(option -> options.add(option.asText()));
            return new Question(
                    required(node, "question_id"),
                    required(node, "question"),
                    options,
                    node.path("answer").asText(""),
                    node.path("category").asText(""),
                    node.path("src").asText(""));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException(file + " line " + lineNumber + ": " + e.getMessage(), e);
        }
    }

    private static String required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("missing field '" + field + "'");
        }
        return value.asText();
    }
}
