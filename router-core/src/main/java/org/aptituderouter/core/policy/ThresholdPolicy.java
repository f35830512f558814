package org.aptituderouter.core.policy;

import java.util.Comparator;
import org.aptituderouter.core.ScoredCandidate;

/**
 * Good enough at the lowest price: the cheapest candidate with p >= tau; when none reaches tau, the most probable.
 * The ranking lists the qualifying candidates cheapest first, then the others most probable first.
 */
public final class ThresholdPolicy implements RoutingPolicy {

    private final double tau;
    private final Comparator<ScoredCandidate> order;

    public ThresholdPolicy(double tau) {
        this.tau = PolicySpec.threshold(tau).threshold();
        Comparator<ScoredCandidate> qualifyingFirst = Comparator.comparing(c -> !qualifies(c));
        Comparator<ScoredCandidate> cheapest = Comparator.comparingDouble(ScoredCandidate::cost)
                .thenComparing(
                        Comparator.comparingDouble(ScoredCandidate::probability).reversed());
        Comparator<ScoredCandidate> mostProbable = Comparator.comparingDouble(ScoredCandidate::probability)
                .reversed()
                .thenComparingDouble(ScoredCandidate::cost);
        this.order = qualifyingFirst
                .thenComparing((a, b) -> qualifies(a) ? cheapest.compare(a, b) : mostProbable.compare(a, b))
                .thenComparing(ScoredCandidate::modelId);
    }

    public boolean qualifies(ScoredCandidate candidate) {
        return candidate.probability() >= tau;
    }

    @Override
    public String name() {
        return PolicySpec.threshold(tau).name();
    }

    @Override
    public Comparator<ScoredCandidate> order() {
        return order;
    }
}
