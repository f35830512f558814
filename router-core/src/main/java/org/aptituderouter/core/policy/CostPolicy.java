package org.aptituderouter.core.policy;

import java.util.Comparator;
import org.aptituderouter.core.ScoredCandidate;

/** Trades quality against price: the highest p - lambda * cost. lambda 0 is the quality policy. */
public final class CostPolicy implements RoutingPolicy {

    private final double lambda;
    private final Comparator<ScoredCandidate> order;

    public CostPolicy(double lambda) {
        this.lambda = PolicySpec.cost(lambda).lambda();
        this.order = Comparator.comparingDouble(this::utility)
                .reversed()
                .thenComparing(
                        Comparator.comparingDouble(ScoredCandidate::probability).reversed())
                .thenComparing(TIE_BREAK);
    }

    /** What the policy maximises. */
    public double utility(ScoredCandidate candidate) {
        return candidate.probability() - lambda * candidate.cost();
    }

    @Override
    public String name() {
        return PolicySpec.cost(lambda).name();
    }

    @Override
    public Comparator<ScoredCandidate> order() {
        return order;
    }
}
