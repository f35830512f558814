package org.aptituderouter.core.policy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.aptituderouter.core.ScoredCandidate;

/**
 * The model most likely to answer correctly, whatever it costs, with a no-regret rule: the candidate with the best
 * overall level (the best single model the router knows) keeps the instruction unless another candidate's
 * probability beats it by more than {@code margin} standard errors of the difference, the standard errors following
 * from how much evidence stands behind each estimate. A newcomer known by ~60 aptitude answers per task needs a
 * clear edge to take traffic from the strongest model; a model with thousands of graded answers needs little.
 */
public final class QualityPolicy implements RoutingPolicy {

    private static final Comparator<ScoredCandidate> ORDER =
            Comparator.comparingDouble(ScoredCandidate::probability).reversed().thenComparing(TIE_BREAK);
    private static final Comparator<ScoredCandidate> BY_LEVEL =
            Comparator.comparingDouble(ScoredCandidate::level).reversed().thenComparing(TIE_BREAK);

    private final double margin;

    public QualityPolicy(double margin) {
        this.margin = PolicySpec.quality(margin).margin();
    }

    public QualityPolicy() {
        this(PolicySpec.DEFAULT_MARGIN);
    }

    @Override
    public String name() {
        return PolicySpec.quality(margin).name();
    }

    @Override
    public Comparator<ScoredCandidate> order() {
        return ORDER;
    }

    /** By probability, except that the strongest candidate comes first unless the best clearly beats it. */
    @Override
    public List<ScoredCandidate> rank(List<ScoredCandidate> eligible) {
        List<ScoredCandidate> ranked =
                new ArrayList<>(eligible.stream().sorted(ORDER).toList());
        if (ranked.size() < 2
                || margin == 0
                || ranked.stream().anyMatch(c -> Double.isNaN(c.level()) || !(c.support() > 0))) {
            return List.copyOf(ranked);
        }
        ScoredCandidate strongest = ranked.stream().min(BY_LEVEL).orElseThrow();
        ScoredCandidate best = ranked.get(0);
        double se = Math.hypot(best.standardError(), strongest.standardError());
        if (best.probability() - strongest.probability() <= margin * se) {
            ranked.remove(strongest);
            ranked.add(0, strongest);
        }
        return List.copyOf(ranked);
    }
}
