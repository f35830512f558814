package org.aptituderouter.core.aptitude;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The aptitude test: tasks of a few questions each. A model's capability vector is its accuracy on each task, in
 * task order; that vector is all the router ever knows about the model.
 */
public final class AptitudeTest {

    /** Where {@code bin/router train} puts the test inside this jar. */
    public static final String BUNDLED_RESOURCE = "org/aptituderouter/core/model/aptitude-test.json";

    /** Leaves callers' streams open; tolerates fields added by later trainers (descriptions, provenance). */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(JsonParser.Feature.AUTO_CLOSE_SOURCE)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private final String id;
    private final List<AptitudeTask> tasks;

    @JsonCreator
    public AptitudeTest(@JsonProperty("id") String id, @JsonProperty("tasks") List<AptitudeTask> tasks) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("aptitude test without an id");
        }
        if (tasks == null || tasks.isEmpty()) {
            throw new IllegalArgumentException("aptitude test " + id + " has no tasks");
        }
        this.id = id;
        this.tasks = List.copyOf(tasks);
        Set<String> names = new HashSet<>();
        for (AptitudeTask task : this.tasks) {
            if (!names.add(task.name())) {
                throw new IllegalArgumentException("aptitude test " + id + " has task " + task.name() + " twice");
            }
        }
    }

    /** The test bundled in this jar, the one the bundled scorer head was trained with. */
    public static AptitudeTest bundled() {
        try (InputStream in = AptitudeTest.class.getClassLoader().getResourceAsStream(BUNDLED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource " + BUNDLED_RESOURCE
                        + " not found: run bin/router train to build the aptitude test");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + BUNDLED_RESOURCE, e);
        }
    }

    /** Reads {@code {"id": ..., "tasks": [{"name": ..., "question_ids": [...]}, ...]}}; leaves the stream open. */
    public static AptitudeTest read(InputStream in) throws IOException {
        try {
            return JSON.readValue(in, AptitudeTest.class);
        } catch (DatabindException e) {
            throw new IOException("not a valid aptitude test: " + e.getOriginalMessage(), e);
        }
    }

    /** Writes the JSON form {@link #read} accepts; leaves the stream open. */
    public void write(OutputStream out) throws IOException {
        JSON.writeValue(out, this);
    }

    @JsonProperty("id")
    public String id() {
        return id;
    }

    @JsonProperty("tasks")
    public List<AptitudeTask> tasks() {
        return tasks;
    }

    /** Length of a capability vector: the number of tasks. */
    public int dimension() {
        return tasks.size();
    }

    /**
     * The capability vector of a model from its results on the test's questions.
     *
     * @param correct question id to whether the model answered it correctly; other ids are ignored
     * @return accuracy per task, in task order
     * @throws MissingAnswersException naming every question of the test the map has no result for
     */
    public float[] score(String modelId, Map<String, Boolean> correct) {
        List<String> missing = new ArrayList<>();
        float[] scores = new float[tasks.size()];
        for (int i = 0; i < scores.length; i++) {
            List<String> questions = tasks.get(i).questionIds();
            int right = 0;
            for (String question : questions) {
                Boolean answer = correct.get(question);
                if (answer == null) {
                    missing.add(question);
                } else if (answer) {
                    right++;
                }
            }
            scores[i] = (float) right / questions.size();
        }
        if (!missing.isEmpty()) {
            throw new MissingAnswersException(modelId, id, missing);
        }
        return scores;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AptitudeTest other && id.equals(other.id) && tasks.equals(other.tasks);
    }

    @Override
    public int hashCode() {
        return id.hashCode() * 31 + tasks.hashCode();
    }

    @Override
    public String toString() {
        return "AptitudeTest[" + id + ", " + tasks.size() + " tasks]";
    }
}
