package org.aptituderouter.core.policy;

import java.util.Comparator;
import org.aptituderouter.core.ScoredCandidate;

/** The model most likely to answer correctly, whatever it costs. */
public final class QualityPolicy implements RoutingPolicy {

    private static final Comparator<ScoredCandidate> ORDER =
            Comparator.comparingDouble(ScoredCandidate::probability).reversed().thenComparing(TIE_BREAK);

    @Override
    public String name() {
        return PolicySpec.quality().name();
    }

    @Override
    public Comparator<ScoredCandidate> order() {
        return ORDER;
    }
}
