package org.aptituderouter.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.aptituderouter.core.ScoredCandidate;
import org.junit.jupiter.api.Test;

/** Policies over hand-built probability matrices: rows are instructions, columns the zoo below. */
class RoutingPolicyTest {

    private static final String[] MODELS = {"tiny", "small", "medium", "large"};
    private static final double[] COSTS = {1, 8, 70, 400};
    private static final double[][] P = {
        {0.20, 0.40, 0.60, 0.90}, // harder instruction: quality rises with size
        {0.85, 0.855, 0.87, 0.88}, // easy: everybody is nearly as good
        {0.10, 0.70, 0.65, 0.30}, // the small model happens to be best
    };

    private static List<ScoredCandidate> row(int b) {
        List<ScoredCandidate> out = new ArrayList<>();
        for (int m = 0; m < MODELS.length; m++) {
            out.add(new ScoredCandidate(MODELS[m], P[b][m], COSTS[m]));
        }
        return out;
    }

    private static List<String> choices(RoutingPolicy policy) {
        List<String> out = new ArrayList<>();
        for (int b = 0; b < P.length; b++) {
            out.add(policy.rank(row(b)).get(0).modelId());
        }
        return out;
    }

    @Test
    void qualityTakesTheHighestProbability() {
        RoutingPolicy quality = RoutingPolicy.of(PolicySpec.quality());
        assertThat(choices(quality)).containsExactly("large", "large", "small");
        assertThat(quality.rank(row(0)))
                .extracting(ScoredCandidate::modelId)
                .containsExactly("large", "medium", "small", "tiny");
        assertThat(quality.name()).isEqualTo("quality");
    }

    @Test
    void costTradesProbabilityAgainstPrice() {
        // lambda 0.001: large 0.90-0.4=0.50, medium 0.60-0.07=0.53 -> medium; easy row -> tiny 0.849 beats small 0.847
        RoutingPolicy cost = RoutingPolicy.of(PolicySpec.cost(0.001));
        assertThat(choices(cost)).containsExactly("medium", "tiny", "small");
        assertThat(cost.name()).isEqualTo("cost(lambda=0.001)");
        assertThat(((CostPolicy) cost).utility(row(0).get(3)))
                .isCloseTo(0.5, org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void costWithLambdaZeroIsQuality() {
        assertThat(choices(RoutingPolicy.of(PolicySpec.cost(0))))
                .isEqualTo(choices(RoutingPolicy.of(PolicySpec.quality())));
    }

    @Test
    void thresholdTakesTheCheapestGoodEnoughElseTheMostProbable() {
        RoutingPolicy threshold = RoutingPolicy.of(PolicySpec.threshold(0.6));
        // row 0: medium (0.60, cost 70) and large qualify -> medium; row 1: all qualify -> tiny;
        // row 2: small and medium qualify -> small
        assertThat(choices(threshold)).containsExactly("medium", "tiny", "small");
        assertThat(threshold.rank(row(0)))
                .extracting(ScoredCandidate::modelId)
                .containsExactly("medium", "large", "small", "tiny");

        RoutingPolicy unreachable = RoutingPolicy.of(PolicySpec.threshold(0.95));
        assertThat(choices(unreachable)).containsExactly("large", "large", "small");
        assertThat(unreachable.name()).isEqualTo("threshold(tau=0.95)");
    }

    @Test
    void tiesAreBrokenByCostThenModelIdWhateverTheInputOrder() {
        List<ScoredCandidate> tied = new ArrayList<>(List.of(
                new ScoredCandidate("b", 0.5, 2), new ScoredCandidate("a", 0.5, 2), new ScoredCandidate("c", 0.5, 1)));
        for (int shuffle = 0; shuffle < 5; shuffle++) {
            Collections.shuffle(tied, new java.util.Random(shuffle));
            assertThat(RoutingPolicy.of(PolicySpec.quality()).rank(tied))
                    .extracting(ScoredCandidate::modelId)
                    .containsExactly("c", "a", "b");
            assertThat(RoutingPolicy.of(PolicySpec.threshold(0.5)).rank(tied))
                    .extracting(ScoredCandidate::modelId)
                    .containsExactly("c", "a", "b");
        }
    }

    @Test
    void emptyInEmptyOut() {
        assertThat(RoutingPolicy.of(PolicySpec.quality()).rank(List.of())).isEmpty();
    }

    @Test
    void specsParseFromConfigurationAndValidate() {
        assertThat(PolicySpec.of(" Cost ", 0.01, 0.7)).isEqualTo(PolicySpec.cost(0.01));
        assertThat(PolicySpec.of("THRESHOLD", 0.01, 0.7)).isEqualTo(PolicySpec.threshold(0.7));
        assertThat(PolicySpec.of("quality", 0.01, 0.7)).isEqualTo(PolicySpec.quality());
        assertThatThrownBy(() -> PolicySpec.of("cheapest", 0, 0))
                .hasMessageContaining("unknown routing policy 'cheapest'");
        assertThatThrownBy(() -> PolicySpec.cost(-1)).hasMessageContaining("lambda");
        assertThatThrownBy(() -> PolicySpec.cost(Double.NaN)).hasMessageContaining("lambda");
        assertThatThrownBy(() -> PolicySpec.threshold(1.5)).hasMessageContaining("threshold must be in [0,1]");
        assertThatThrownBy(() -> PolicySpec.threshold(Double.NaN)).hasMessageContaining("threshold");
    }
}
