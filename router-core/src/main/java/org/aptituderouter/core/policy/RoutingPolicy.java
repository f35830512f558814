package org.aptituderouter.core.policy;

import java.util.Comparator;
import java.util.List;
import org.aptituderouter.core.ScoredCandidate;

/**
 * Chooses among the candidates eligible for one instruction by ranking them; the first is routed to. Orders are
 * total (ties fall to the lower cost, then the model id) so the same scores always give the same decision.
 */
public interface RoutingPolicy {

    static RoutingPolicy of(PolicySpec spec) {
        return switch (spec.type()) {
            case QUALITY -> new QualityPolicy(spec.margin());
            case COST -> new CostPolicy(spec.lambda());
            case THRESHOLD -> new ThresholdPolicy(spec.threshold());
        };
    }

    /** As recorded in decisions, see {@link PolicySpec#name()}. */
    String name();

    /** Best first. */
    Comparator<ScoredCandidate> order();

    /** The candidates best first; empty in, empty out. */
    default List<ScoredCandidate> rank(List<ScoredCandidate> eligible) {
        return eligible.stream().sorted(order()).toList();
    }

    /** Cheaper first, then model id: the last tie-breaks every policy shares. */
    Comparator<ScoredCandidate> TIE_BREAK =
            Comparator.comparingDouble(ScoredCandidate::cost).thenComparing(ScoredCandidate::modelId);
}
