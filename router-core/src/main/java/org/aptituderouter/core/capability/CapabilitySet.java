package org.aptituderouter.core.capability;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.aptituderouter.core.aptitude.AptitudeTest;

/**
 * The model zoo at one moment: an immutable snapshot that a router can read while a new one is being built.
 * Every derived set ({@link #with}, {@link #withAll}, {@link #without}) has the next version, so decisions can say
 * which snapshot they were made against. Candidates are kept in model-id order, independent of arrival order.
 */
public final class CapabilitySet {

    /** Test ids whose records must be recomputed, with what to run: the tests a newer bundle replaced. */
    private static final java.util.Map<String, String> SUPERSEDED = java.util.Map.of(
            "mmlu-pro-apt-v1",
            "recompute it with bin/router capabilities --outcomes FILE (the bundled aptitude test is v2: new tasks "
                    + "and questions)");

    private final String aptitudeTestId;
    private final int dimension;
    /**
     * The test the set answers: its task shares, its shrinkage of evidence and its size. Null for a set known only
     * by test id, whose scores are taken as published.
     */
    private final AptitudeTest test;

    private final double[] weights;
    private final long version;
    private final SortedMap<String, Candidate> byId;
    private final List<Candidate> candidates;
    private final List<Candidate> routable;
    private final float[][] routableScores;
    private final double[] routableLevels;
    private final double[] routableSupports;

    private CapabilitySet(
            String aptitudeTestId, int dimension, AptitudeTest test, long version, SortedMap<String, Candidate> byId) {
        this.aptitudeTestId = aptitudeTestId;
        this.dimension = dimension;
        this.test = test;
        if (test != null) {
            this.weights = test.weights();
        } else {
            this.weights = new double[dimension];
            java.util.Arrays.fill(weights, 1.0 / dimension);
        }
        this.version = version;
        this.byId = Collections.unmodifiableSortedMap(byId);
        this.candidates = List.copyOf(byId.values());
        this.routable = candidates.stream().filter(Candidate::routable).toList();
        this.routableScores = routable.stream().map(Candidate::scores).toArray(float[][]::new);
        // fields above must be set: level() and support() read the test and its weights
        this.routableLevels = routable.stream().mapToDouble(this::level).toArray();
        this.routableSupports = routable.stream().mapToDouble(this::support).toArray();
    }

    /** No candidates yet, version 0. */
    /** The test the set answers; null for a set known only by test id. */
    public AptitudeTest test() {
        return test;
    }

    public static CapabilitySet empty(AptitudeTest test) {
        return new CapabilitySet(test.id(), test.dimension(), test, 0, new TreeMap<>());
    }

    /** No candidates yet, version 0, for a test known only by its id and length (as a streams app receives it). */
    public static CapabilitySet empty(String aptitudeTestId, int dimension) {
        java.util.Objects.requireNonNull(aptitudeTestId, "aptitudeTestId");
        if (dimension <= 0) {
            throw new IllegalArgumentException("capability dimension must be positive, was " + dimension);
        }
        return new CapabilitySet(aptitudeTestId, dimension, null, 0, new TreeMap<>());
    }

    /**
     * This set plus (or with a replaced) candidate, version + 1.
     *
     * @throws CapabilityValidationException if the candidate took another test, has the wrong number of scores,
     *                                       a score that is NaN or outside [0,1], or a negative or non-finite cost
     */
    public CapabilitySet with(Candidate candidate) {
        return withAll(List.of(candidate));
    }

    /**
     * This set plus all the candidates, validated together: one version step, or none if any is invalid. A
     * candidate that carries evidence is scored from it with the test's shrinkage, so every model's scores mean
     * the same thing whoever computed them.
     */
    public CapabilitySet withAll(Collection<Candidate> added) {
        TreeMap<String, Candidate> next = new TreeMap<>(byId);
        for (Candidate candidate : added) {
            validate(candidate);
            next.put(candidate.modelId(), rescored(candidate));
        }
        return new CapabilitySet(aptitudeTestId, dimension, test, version + 1, next);
    }

    /** This set without the model (a retired model, a tombstone), version + 1 even if the model was absent. */
    public CapabilitySet without(String modelId) {
        TreeMap<String, Candidate> next = new TreeMap<>(byId);
        next.remove(modelId);
        return new CapabilitySet(aptitudeTestId, dimension, test, version + 1, next);
    }

    /**
     * The candidate as this set would hold it: scored from its evidence with the test's shrinkage where it carries
     * evidence and the set has the test, as given otherwise. Not validated.
     */
    public Candidate rescored(Candidate c) {
        if (c.evidence() == null || test == null) {
            return c;
        }
        return new Candidate(
                c.modelId(),
                c.aptitudeTestId(),
                test.scores(c.evidence()),
                c.cost(),
                c.status(),
                c.evidence(),
                c.correction());
    }

    private void validate(Candidate c) {
        String model = c.modelId();
        if (model.isBlank()) {
            throw new CapabilityValidationException("''", "model id is blank");
        }
        if (!aptitudeTestId.equals(c.aptitudeTestId())) {
            String fix = SUPERSEDED.getOrDefault(c.aptitudeTestId(), "publish results of " + aptitudeTestId);
            throw new CapabilityValidationException(
                    model,
                    "it took aptitude test " + c.aptitudeTestId() + " but this router uses " + aptitudeTestId + "; "
                            + fix);
        }
        if (c.dimension() != dimension) {
            throw new CapabilityValidationException(
                    model,
                    "it has " + c.dimension() + " scores, aptitude test " + aptitudeTestId + " has " + dimension
                            + " tasks");
        }
        for (int i = 0; i < dimension; i++) {
            float s = c.score(i);
            if (Float.isNaN(s)) {
                throw new CapabilityValidationException(model, "score " + i + " is NaN");
            }
            if (s < 0f || s > 1f) {
                throw new CapabilityValidationException(model, "score " + i + " is " + s + ", outside [0,1]");
            }
        }
        if (c.evidence() != null && c.evidence().tasks() != dimension) {
            throw new CapabilityValidationException(
                    model,
                    "its evidence covers " + c.evidence().tasks() + " tasks, aptitude test " + aptitudeTestId + " has "
                            + dimension);
        }
        if (!Double.isFinite(c.cost()) || c.cost() < 0) {
            throw new CapabilityValidationException(model, "cost " + c.cost() + " is not a non-negative finite number");
        }
    }

    public long version() {
        return version;
    }

    public String aptitudeTestId() {
        return aptitudeTestId;
    }

    /** Length of every capability vector in the set. */
    public int dimension() {
        return dimension;
    }

    /**
     * A candidate's expected accuracy over the routed traffic: its task scores weighted by each task's share.
     * The no-regret rule keeps the candidate with the highest level unless another is clearly better.
     */
    public double level(Candidate candidate) {
        double level = 0;
        for (int k = 0; k < dimension; k++) {
            level += weights[k] * candidate.score(k);
        }
        return level;
    }

    /**
     * Answered questions behind the candidate's estimate on a task, on average over tasks, plus the shrinkage prior:
     * its evidence when it carries any, else the test's questions per task. NaN for a set known only by test id.
     */
    public double support(Candidate candidate) {
        if (test == null) {
            return Double.NaN;
        }
        long answered = candidate.evidence() != null ? candidate.evidence().total() : test.questionCount();
        return (double) answered / dimension + test.priorItems();
    }

    /** {@link #level} of routable candidate {@code index} (in {@link #routable()} order), computed once per set. */
    public double routableLevel(int index) {
        return routableLevels[index];
    }

    /** {@link #support} of routable candidate {@code index}, computed once per set. */
    public double routableSupport(int index) {
        return routableSupports[index];
    }

    /** All candidates, DRAINING included, in model-id order. */
    public List<Candidate> candidates() {
        return candidates;
    }

    /** The ACTIVE candidates, in model-id order: the ones a router may choose. */
    public List<Candidate> routable() {
        return routable;
    }

    /** Capability vectors of {@link #routable()}, row for row: the scorer's [M, dimension] input. A copy. */
    public float[][] routableScores() {
        float[][] copy = new float[routableScores.length][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = routableScores[i].clone();
        }
        return copy;
    }

    public Optional<Candidate> find(String modelId) {
        return Optional.ofNullable(byId.get(modelId));
    }

    public boolean contains(String modelId) {
        return byId.containsKey(modelId);
    }

    public int size() {
        return candidates.size();
    }

    public List<String> modelIds() {
        return List.copyOf(byId.keySet());
    }

    @Override
    public String toString() {
        return "CapabilitySet[v" + version + ", " + aptitudeTestId + ", " + size() + " models, " + routable.size()
                + " routable]";
    }
}
