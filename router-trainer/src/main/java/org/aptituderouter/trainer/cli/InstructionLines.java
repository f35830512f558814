package org.aptituderouter.trainer.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.aptituderouter.core.InstructionText;

/**
 * Reads the {@code route --questions} file: JSON lines with {@code question_id}, {@code question} and optional
 * {@code options}, rendered by {@link InstructionText#of} as in training. A line that cannot be used becomes a
 * {@link Bad} record naming its line (and its id when it can be read) instead of failing the file.
 */
final class InstructionLines {

    sealed interface Line permits Good, Bad {
        int number();
    }

    /** @param text the instruction, empty when the question is blank (the router then rejects it by id) */
    record Good(int number, String id, String text) implements Line {}

    record Bad(int number, String id, String message) implements Line {
        String describe() {
            return "line " + number + (id == null ? "" : ", question " + id) + ": " + message;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private InstructionLines() {}

    static List<Line> read(InputStream input) throws IOException {
        return Utf8Lines.read(input).stream().map(InstructionLines::parse).toList();
    }

    private static Line parse(Utf8Lines.Line raw) {
        int number = raw.number();
        Optional<String> decoded = raw.strict();
        if (decoded.isEmpty()) {
            return new Bad(number, idOrNull(raw.lenient()), "invalid UTF-8");
        }
        JsonNode node;
        try {
            node = JSON.readTree(decoded.get());
        } catch (JsonProcessingException e) {
            return new Bad(number, null, "malformed JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            return new Bad(number, null, "not a JSON object");
        }
        JsonNode id = node.get("question_id");
        if (id == null || !(id.isTextual() || id.isNumber()) || id.asText().isBlank()) {
            return new Bad(number, null, "no question_id");
        }
        JsonNode question = node.get("question");
        if (question != null && !question.isNull() && !question.isTextual()) {
            return new Bad(number, id.asText(), "question is not a string");
        }
        List<String> options = new ArrayList<>();
        JsonNode optionNodes = node.get("options");
        if (optionNodes != null && !optionNodes.isNull()) {
            if (!optionNodes.isArray() || optionNodes.size() > 26) {
                return new Bad(number, id.asText(), "options must be an array of at most 26 strings");
            }
            for (JsonNode option : optionNodes) {
                if (!option.isTextual()) {
                    return new Bad(number, id.asText(), "options must be an array of at most 26 strings");
                }
                options.add(option.asText());
            }
        }
        String text = question == null || question.isNull() || question.asText().isBlank()
                ? ""
                : InstructionText.of(question.asText(), options);
        return new Good(number, id.asText(), text);
    }

    /** Best effort, for naming a line whose bytes are not valid UTF-8. */
    private static String idOrNull(String lenient) {
        try {
            JsonNode node = JSON.readTree(lenient);
            JsonNode id = node == null ? null : node.get("question_id");
            return id == null || !id.isValueNode() ? null : id.asText();
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
