package org.aptituderouter.app.capability;

import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicReference;
import org.aptituderouter.core.aptitude.AptitudeTest;
import org.aptituderouter.core.capability.Candidate;
import org.aptituderouter.core.capability.CapabilitySet;

/**
 * The capability set the router routes against right now. The global-store processor is its only writer; stream
 * threads read whatever snapshot is current when a batch is flushed. Snapshots are immutable and swapped
 * atomically, so a batch is always scored against one consistent zoo and one version.
 */
@Singleton
public class LiveCapabilities {

    private final AtomicReference<CapabilitySet> current;

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
        return current.updateAndGet(set -> set.with(candidate));
    }

    /** Adds or replaces many models in one version step (a restored store at start-up). */
    public CapabilitySet upsertAll(Collection<Candidate> candidates) {
        return current.updateAndGet(set -> set.withAll(candidates));
    }

    public CapabilitySet retire(String modelId) {
        return current.updateAndGet(set -> set.without(modelId));
    }
}
