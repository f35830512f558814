package org.aptituderouter.core.policy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.aptituderouter.core.ScoredCandidate;

/**
 * The model most likely to answer correctly, whatever it costs, with a no-regret rule: the candidate with the best
 * overall level (the best single model the router knows) keeps the instruction unless another candidate's
 * probability beats it by more than the margin. Per-task estimates from a 1,000-question aptitude test carry
 * noise of a few points; without the margin that noise alone would move traffic off the strongest model.
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

    /** By probability, except that the strongest candidate comes first unless the best beats it by the margin. */
    @Override
    public List<ScoredCandidate> rank(List<ScoredCandidate> eligible) {
        List<ScoredCandidate> ranked = new ArrayList<>(eligible.stream().sorted(ORDER).toList());
        if (ranked.size() < 2 || margin == 0 || ranked.stream().anyMatch(c -> Double.isNaN(c.level()))) {
            return List.copyOf(ranked);
        }
        ScoredCandidate strongest = ranked.stream().min(BY_LEVEL).orElseThrow();
        if (ranked.get(0).probability() - strongest.probability() <= margin) {
            ranked.remove(strongest);
            ranked.add(0, strongest);
        }
        return List.copyOf(ranked);
    }
}
