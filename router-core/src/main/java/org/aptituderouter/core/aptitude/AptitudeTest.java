package org.aptituderouter.core.aptitude;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The aptitude test: tasks of questions. A model's answers to them are its first {@link TaskEvidence}; its
 * capability vector is that evidence per task, shrunk toward its overall level by {@link #priorItems()} (0 keeps
 * the raw accuracy, as tests before v2 did). The vector is all the router knows about a model.
 */
public final class AptitudeTest {

    /** Leaves callers' streams open; tolerates fields added by later trainers (descriptions, provenance). */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(JsonParser.Feature.AUTO_CLOSE_SOURCE)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    /** What to do with aptitude questions a model has no result for. */
    public enum Missing {
        /** Refuse, naming the missing question ids (the default: a gap is usually a mistake). */
        ERROR,
        /** Count them as wrong answers. */
        WRONG,
        /** Leave them out; the task is estimated from the answered ones. */
        SKIP
    }

    private final String id;
    private final List<AptitudeTask> tasks;
    private final double priorItems;
    /** Every task's centroid, for {@link #nearestTask}; null when some task has none (a test defined by labels). */
    private final float[][] centroids;

    public AptitudeTest(String id, List<AptitudeTask> tasks) {
        this(id, tasks, null);
    }

    /** @param priorItems weight, in questions, of the overall level in each task's estimate; null means 0 */
    @JsonCreator
    public AptitudeTest(
            @JsonProperty("id") String id,
            @JsonProperty("tasks") List<AptitudeTask> tasks,
            @JsonProperty("prior_items") Double priorItems) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("aptitude test without an id");
        }
        if (tasks == null || tasks.isEmpty()) {
            throw new IllegalArgumentException("aptitude test " + id + " has no tasks");
        }
        if (priorItems != null && !(priorItems >= 0 && Double.isFinite(priorItems))) {
            throw new IllegalArgumentException(
                    "aptitude test " + id + " has prior_items " + priorItems + "; expected a non-negative number");
        }
        this.id = id;
        this.tasks = List.copyOf(tasks);
        this.priorItems = priorItems == null ? 0 : priorItems;
        this.centroids = this.tasks.stream().allMatch(task -> task.centroid() != null)
                ? this.tasks.stream().map(AptitudeTask::centroid).toArray(float[][]::new)
                : null;
        Set<String> names = new HashSet<>();
        for (AptitudeTask task : this.tasks) {
            if (!names.add(task.name())) {
                throw new IllegalArgumentException("aptitude test " + id + " has task " + task.name() + " twice");
            }
        }
    }

    /** Reads {@code {"id": ..., "tasks": [{"name": ..., "question_ids": [...]}, ...]}}; leaves the stream open. */
    public static AptitudeTest read(InputStream in) throws IOException {
        try {
            AptitudeTest test = JSON.readValue(in, AptitudeTest.class);
            if (test == null) {
                throw new IOException("not a valid aptitude test: the file holds null");
            }
            return test;
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

    /** Weight, in questions, of a model's overall level in each task's estimate. */
    @JsonProperty("prior_items")
    public double priorItems() {
        return priorItems;
    }

    /** Each task's offset in logits from a model's overall level (0 where the test states none). */
    public double[] offsets() {
        return tasks.stream()
                .mapToDouble(task -> task.offset() == null ? 0 : task.offset())
                .toArray();
    }

    /**
     * The task an instruction counts toward: the one whose centroid has the largest dot product with its embedding,
     * as the test's builder placed questions. -1 when the tasks have no centroids or the embedding another dimension.
     */
    public int nearestTask(float[] embedding) {
        if (centroids == null || embedding.length != centroids[0].length) {
            return -1;
        }
        int best = 0;
        double bestSimilarity = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < centroids.length; k++) {
            double similarity = 0;
            for (int d = 0; d < embedding.length; d++) {
                similarity += embedding[d] * centroids[k][d];
            }
            if (similarity > bestSimilarity) {
                bestSimilarity = similarity;
                best = k;
            }
        }
        return best;
    }

    /** The capability vector this test reads from evidence: shrunk by {@link #priorItems()} toward each task's prior. */
    public float[] scores(TaskEvidence evidence) {
        return evidence.scores(priorItems, offsets());
    }

    /** Each task's share of routed traffic, summing to 1 (equal shares when the test states none). */
    public double[] weights() {
        double[] weights = new double[tasks.size()];
        double sum = 0;
        for (int k = 0; k < weights.length; k++) {
            Double weight = tasks.get(k).weight();
            weights[k] = weight == null ? 1 : weight;
            sum += weights[k];
        }
        for (int k = 0; k < weights.length; k++) {
            weights[k] = sum > 0 ? weights[k] / sum : 1.0 / weights.length;
        }
        return weights;
    }

    /** Questions asked over all tasks: what a new model answers to join. */
    public int questionCount() {
        return tasks.stream().mapToInt(task -> task.questionIds().size()).sum();
    }

    /** Length of a capability vector: the number of tasks. */
    public int dimension() {
        return tasks.size();
    }

    /**
     * The capability vector of a model from its results on the test's questions: its {@link #evidence} shrunk by
     * {@link #priorItems()}.
     *
     * @param correct question id to whether the model answered it correctly; other ids are ignored
     * @return estimated accuracy per task, in task order
     * @throws MissingAnswersException naming every question of the test the map has no result for
     */
    public float[] score(String modelId, Map<String, Boolean> correct) {
        return scores(evidence(modelId, correct, Missing.ERROR));
    }

    /**
     * Answered and correct counts per task.
     *
     * @param correct question id to whether the model answered it correctly; other ids are ignored
     * @param missing what an unanswered test question counts as
     * @throws MissingAnswersException with {@link Missing#ERROR}, naming every question without a result
     */
    public TaskEvidence evidence(String modelId, Map<String, Boolean> correct, Missing missing) {
        List<String> absent = new ArrayList<>();
        int[] answered = new int[tasks.size()];
        int[] right = new int[tasks.size()];
        for (int i = 0; i < tasks.size(); i++) {
            for (String question : tasks.get(i).questionIds()) {
                Boolean answer = correct.get(question);
                if (answer == null) {
                    absent.add(question);
                    if (missing == Missing.WRONG) {
                        answered[i]++;
                    }
                    continue;
                }
                answered[i]++;
                if (answer) {
                    right[i]++;
                }
            }
        }
        if (!absent.isEmpty() && missing == Missing.ERROR) {
            throw new MissingAnswersException(modelId, id, absent);
        }
        return new TaskEvidence(answered, right);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AptitudeTest other
                && id.equals(other.id)
                && tasks.equals(other.tasks)
                && Double.compare(priorItems, other.priorItems) == 0;
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
