package org.aptituderouter.loadtest.generator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.aptituderouter.core.InstructionText;

/**
 * Instruction texts from a JSON-lines file, read at run time (the shared question set is never copied into the
 * repository). A line is either {@code {"text": "..."}} or a multiple-choice question
 * {@code {"question": "...", "options": [...]}}, rendered with {@link InstructionText#of} exactly as training and
 * routing render it, so the benchmark encodes texts of realistic length. A limit takes a fixed-seed random sample
 * of the whole file, not its first lines: the shared questions are grouped by subject, and subjects differ in
 * length, which is what the encoder's cost follows.
 */
public final class InstructionTexts {

    /** The sample instructions bundled with the streams app; the fallback when no file is given or found. */
    public static final String SAMPLE_RESOURCE = "demo/sample-instructions.jsonl";

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The same sample on every run, so runs with the same limit are comparable. */
    private static final long SAMPLE_SEED = 20_250_224L;

    private InstructionTexts() {}

    /** Up to {@code limit} texts from the file, sampled across all of it. */
    public static List<String> read(Path file, int limit) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, limit, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read instruction texts from " + file, e);
        }
    }

    /** Up to {@code limit} texts from {@link #SAMPLE_RESOURCE} on the classpath. */
    public static List<String> samples(int limit) {
        try (InputStream in = InstructionTexts.class.getClassLoader().getResourceAsStream(SAMPLE_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource " + SAMPLE_RESOURCE
                        + " not found: the streams-app jar must be on the classpath, or give a texts file");
            }
            return read(in, limit, "classpath:" + SAMPLE_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + SAMPLE_RESOURCE, e);
        }
    }

    private static List<String> read(InputStream in, int limit, String source) throws IOException {
        List<String> texts = new ArrayList<>();
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        int number = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            number++;
            if (!line.isBlank()) {
                texts.add(text(JSON.readTree(line), source, number));
            }
        }
        if (texts.isEmpty()) {
            throw new IllegalArgumentException(source + " holds no instruction texts");
        }
        Collections.shuffle(texts, new Random(SAMPLE_SEED));
        return List.copyOf(texts.subList(0, Math.min(limit, texts.size())));
    }

    private static String text(JsonNode node, String source, int line) {
        if (node.hasNonNull("text")) {
            return node.get("text").asText();
        }
        if (!node.hasNonNull("question")) {
            throw new IllegalArgumentException(source + " line " + line + " has neither \"text\" nor \"question\"");
        }
        List<String> options = new ArrayList<>();
        node.path("options").forEach(option -> options.add(option.asText()));
        return InstructionText.of(node.get("question").asText(), options);
    }
}
