package org.aptituderouter.core.bench;

import java.util.ArrayList;
import java.util.List;
import org.aptituderouter.core.capability.Candidate;
import org.aptituderouter.core.capability.CapabilitySet;

/** Larger zoos for measuring what zoo size costs: a zoo's routable candidates repeated under new ids. */
public final class SyntheticZoo {

    private SyntheticZoo() {}

    /** The zoo's routable candidates repeated, copies renamed {@code <id>-copy-<i>}, until there are {@code size}. */
    public static CapabilitySet scaled(CapabilitySet zoo, int size) {
        List<Candidate> base = zoo.routable();
        if (base.isEmpty()) {
            throw new IllegalArgumentException("an empty zoo cannot be scaled");
        }
        List<Candidate> scaled = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            Candidate c = base.get(i % base.size());
            scaled.add(new Candidate(
                    c.modelId() + (i < base.size() ? "" : "-copy-" + i),
                    c.aptitudeTestId(),
                    c.scores(),
                    c.cost(),
                    c.status(),
                    c.evidence()));
        }
        return CapabilitySet.empty(zoo.test()).withAll(scaled);
    }
}
