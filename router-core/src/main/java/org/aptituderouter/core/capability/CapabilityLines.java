package org.aptituderouter.core.capability;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.aptituderouter.core.aptitude.TaskEvidence;

/**
 * The JSON-lines form of capabilities, one model a line:
 * {@code {"model_id": "...", "aptitude_test_id": "...", "scores": [...], "cost": 8.0, "answered": [...],
 * "correct": [...]}} ({@code cost} optional, 1.0 when absent; the evidence counts optional, both or neither).
 * Used by the CLIs and the bundled zoo; the JSON twin of the Avro {@code ModelCapability}.
 * Only syntax is checked here; {@link CapabilitySet#with} checks the values.
 */
public final class CapabilityLines {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CapabilityLines() {}

    /** One line's candidate (ACTIVE). */
    public static Candidate parse(String line) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON capability line: " + e.getOriginalMessage(), e);
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("a capability line must be a JSON object");
        }
        String model = text(node, "model_id", "?");
        String test = text(node, "aptitude_test_id", model);
        JsonNode scores = node.get("scores");
        if (scores == null || !scores.isArray()) {
            throw new IllegalArgumentException("capability line of " + model + " has no scores array");
        }
        float[] values = new float[scores.size()];
        for (int i = 0; i < values.length; i++) {
            // JSON has no NaN: a null or a string here is a broken vector, reported instead of guessed
            if (!scores.get(i).isNumber()) {
                throw new IllegalArgumentException("capability line of " + model + ": score " + i + " is not a number");
            }
            values[i] = scores.get(i).floatValue();
        }
        JsonNode cost = node.get("cost");
        if (cost != null && !cost.isNull() && !cost.isNumber()) {
            throw new IllegalArgumentException("capability line of " + model + ": cost is not a number");
        }
        double price = cost == null || cost.isNull() ? Candidate.DEFAULT_COST : cost.doubleValue();
        return new Candidate(model, test, values, price, ModelStatus.ACTIVE, evidence(node, model));
    }

    private static TaskEvidence evidence(JsonNode node, String model) {
        int[] answered = counts(node, "answered", model);
        int[] correct = counts(node, "correct", model);
        if (answered == null && correct == null) {
            return null;
        }
        if (answered == null || correct == null) {
            throw new IllegalArgumentException(
                    "capability line of " + model + " has one of answered/correct without the other");
        }
        try {
            return new TaskEvidence(answered, correct);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("capability line of " + model + ": " + e.getMessage(), e);
        }
    }

    private static int[] counts(JsonNode node, String field, String model) {
        JsonNode array = node.get(field);
        if (array == null || array.isNull()) {
            return null;
        }
        if (!array.isArray()) {
            throw new IllegalArgumentException("capability line of " + model + ": " + field + " is not an array");
        }
        int[] values = new int[array.size()];
        for (int i = 0; i < values.length; i++) {
            if (!array.get(i).canConvertToInt() || !array.get(i).isIntegralNumber()) {
                throw new IllegalArgumentException(
                        "capability line of " + model + ": " + field + "[" + i + "] is not a whole number");
            }
            values[i] = array.get(i).intValue();
        }
        return values;
    }

    private static String text(JsonNode node, String field, String model) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException("capability line of " + model + " has no " + field);
        }
        return value.asText();
    }

    /** The line for a candidate, without a trailing newline; the status is not part of the format. */
    public static String format(Candidate candidate) {
        ObjectNode node = JSON.createObjectNode();
        node.put("model_id", candidate.modelId());
        node.put("aptitude_test_id", candidate.aptitudeTestId());
        ArrayNode scores = node.putArray("scores");
        for (int i = 0; i < candidate.dimension(); i++) {
            scores.add(candidate.score(i));
        }
        node.put("cost", candidate.cost());
        TaskEvidence evidence = candidate.evidence();
        if (evidence != null) {
            ArrayNode answered = node.putArray("answered");
            ArrayNode correct = node.putArray("correct");
            for (int k = 0; k < evidence.tasks(); k++) {
                answered.add(evidence.answered()[k]);
                correct.add(evidence.correct()[k]);
            }
        }
        return node.toString();
    }

    /** Every non-blank line's candidate; a bad line is reported with its line number. Leaves the reader open. */
    public static List<Candidate> read(Reader reader) throws IOException {
        BufferedReader lines = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        List<Candidate> out = new ArrayList<>();
        int number = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            try {
                out.add(parse(line));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + number + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    public static void write(Collection<Candidate> candidates, Writer out) throws IOException {
        for (Candidate candidate : candidates) {
            out.write(format(candidate));
            out.write('\n');
        }
        out.flush();
    }
}
