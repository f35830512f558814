package org.aptituderouter.app.capability;

import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.aptituderouter.core.aptitude.AptitudeTest;
import org.aptituderouter.core.aptitude.OutcomeCorrection;
import org.aptituderouter.core.aptitude.TaskEvidence;
import org.aptituderouter.core.capability.Candidate;
import org.aptituderouter.core.capability.CapabilitySet;

/**
 * The capability set the router routes against right now. The global-store processor is its only writer; stream
 * threads read whatever snapshot is current when a batch is flushed. Snapshots are immutable and swapped
 * atomically, so a batch is always scored against one consistent zoo and one version.
 *
 * <p>A model's capability is its evidence: the aptitude evidence of its published record plus, once graded outcomes
 * arrive ({@link #addLiveEvidence}), the live evidence counted from them; its vector is derived from the sum by the
 * test's shrinkage. Both parts are kept, so either can change without losing the other.
 */
@Singleton
public class LiveCapabilities {

    private final AtomicReference<CapabilitySet> current;
    /** Each model as published, before live evidence. */
    private final Map<String, Candidate> published = new ConcurrentHashMap<>();

    private final Map<String, Live> live = new ConcurrentHashMap<>();
    private final Map<String, Capacity> capacities = new ConcurrentHashMap<>();
    private final AtomicReference<Set<String>> overCapacity = new AtomicReference<>(Set.of());

    /**
     * A model's declared capacity: at most {@code maxLag} routed instructions waiting for its workers' consumer
     * group {@code workerGroup}.
     */
    public record Capacity(long maxLag, String workerGroup) {}

    /** A model's live evidence, how many outcomes it counts, and what they correct (null for nothing yet). */
    public record Live(TaskEvidence evidence, long outcomes, OutcomeCorrection correction) {}

    public LiveCapabilities(AptitudeTest test) {
        this(CapabilitySet.empty(test));
    }

    public LiveCapabilities(CapabilitySet initial) {
        this.current = new AtomicReference<>(initial);
    }

    public CapabilitySet current() {
        return current.get();
    }

    /**
     * Adds or replaces a model.
     *
     * @throws org.aptituderouter.core.capability.CapabilityValidationException if its vector does not fit the set
     */
    public CapabilitySet upsert(Candidate candidate) {
        // published first: evidence arriving meanwhile (another thread) then finds the model and merges into it
        published.put(candidate.modelId(), candidate);
        return current.updateAndGet(s -> s.with(withLive(candidate, s)));
    }

    /** Adds or replaces many models in one version step (a restored store at start-up). */
    public CapabilitySet upsertAll(Collection<Candidate> candidates) {
        candidates.forEach(c -> published.put(c.modelId(), c));
        return current.updateAndGet(
                s -> s.withAll(candidates.stream().map(c -> withLive(c, s)).toList()));
    }

    public CapabilitySet retire(String modelId) {
        published.remove(modelId);
        capacities.remove(modelId);
        return current.updateAndGet(set -> set.without(modelId));
    }

    /**
     * Replaces a model's live evidence (the totals of its graded outcomes, and the correction they taught, null for
     * none); a model in the zoo is re-scored from its aptitude evidence plus this, and carries the correction.
     * Evidence of a model not (yet) in the zoo waits for its record.
     */
    public CapabilitySet addLiveEvidence(
            String modelId, TaskEvidence evidence, long outcomes, OutcomeCorrection correction) {
        live.put(modelId, new Live(evidence, outcomes, correction));
        Candidate base = published.get(modelId);
        if (base == null) {
            return current.get();
        }
        return current.updateAndGet(set -> set.with(withLive(base, set)));
    }

    /** Sets (or, with null, clears) the capacity a model's record declares. */
    public void declareCapacity(String modelId, Capacity capacity) {
        if (capacity == null) {
            capacities.remove(modelId);
        } else {
            capacities.put(modelId, capacity);
        }
    }

    /** Every model with a declared capacity. */
    public Map<String, Capacity> capacities() {
        return Map.copyOf(capacities);
    }

    /** Models whose workers' backlog is above their capacity now: new instructions spill over from them. */
    public Set<String> overCapacity() {
        return overCapacity.get();
    }

    public void setOverCapacity(Set<String> models) {
        overCapacity.set(Set.copyOf(models));
    }

    /** The model's live evidence, if any outcome has counted for it. */
    public Optional<Live> live(String modelId) {
        return Optional.ofNullable(live.get(modelId));
    }

    /** The model as published (its aptitude answers and any history), before live evidence. */
    public Optional<Candidate> published(String modelId) {
        return Optional.ofNullable(published.get(modelId));
    }

    /**
     * The model as the set would hold it from its published record alone (scored by the set's test, no live evidence,
     * no correction), if it is routable in the current set: what its outcome correction learns against, so that the
     * correction learns what the aptitude answers missed, as the online evaluation measures it.
     */
    public Optional<Candidate> asPublished(String modelId) {
        CapabilitySet set = current.get();
        Candidate base = published.get(modelId);
        if (base == null || set.find(modelId).filter(Candidate::routable).isEmpty()) {
            return Optional.empty();
        }
        AptitudeTest test = set.test();
        if (base.evidence() != null && test != null && base.evidence().tasks() != test.dimension()) {
            return Optional.of(base);
        }
        return Optional.of(set.rescored(base));
    }

    /** The model's evidence as published (its aptitude answers and any history), before live evidence. */
    public Optional<TaskEvidence> publishedEvidence(String modelId) {
        return Optional.ofNullable(published.get(modelId)).map(Candidate::evidence);
    }

    /**
     * The candidate with its live evidence added (the set scores it by its test as it takes it in) and its
     * correction; counts as published where there are none, where the record carries scores only (no counts to add
     * to), or where the set has no test to score with.
     */
    private Candidate withLive(Candidate candidate, CapabilitySet set) {
        Live extra = live.get(candidate.modelId());
        if (extra == null) {
            return candidate;
        }
        AptitudeTest test = set.test();
        TaskEvidence base = candidate.evidence();
        Candidate counted = candidate;
        if (base != null && test != null && base.tasks() == extra.evidence().tasks()) {
            // the set scores a candidate from its evidence as it takes it in
            counted = new Candidate(
                    candidate.modelId(),
                    candidate.aptitudeTestId(),
                    candidate.scores(),
                    candidate.cost(),
                    candidate.status(),
                    base.plus(extra.evidence()));
        }
        return extra.correction() == null ? counted : counted.withCorrection(extra.correction());
    }
}
