package org.aptituderouter.app.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.aptituderouter.core.InstructionText;

/**
 * The demo's instructions, written for this project (not taken from any data set): multiple-choice questions
 * across subjects, rendered the way the router was trained to read them.
 */
public final class SampleInstructions {

    static final String RESOURCE = "demo/sample-instructions.jsonl";

    /** One sample: its id, a subject label for the printout, and the rendered instruction text. */
    public record Sample(String id, String subject, String text) {}

    private SampleInstructions() {}

    public static List<Sample> load() {
        ObjectMapper json = new ObjectMapper();
        List<Sample> samples = new ArrayList<>();
        try (InputStream in = SampleInstructions.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource " + RESOURCE + " is missing");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = json.readTree(line);
                List<String> options = new ArrayList<>();
                node.get("options").forEach(option -> options.add(option.asText()));
                samples.add(new Sample(
                        node.get("id").asText(),
                        node.get("subject").asText(),
                        InstructionText.of(node.get("question").asText(), options)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return samples;
    }
}
