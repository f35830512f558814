package org.aptituderouter.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.aptituderouter.core.ScoredCandidate;
import org.junit.jupiter.api.Test;

class NoRegretQualityPolicyTest {

    // "strong" has the best overall level; "specialist" is better on this instruction by 0.03
    private final List<ScoredCandidate> candidates = List.of(
            new ScoredCandidate("specialist", 0.63, 7, 0.50),
            new ScoredCandidate("strong", 0.60, 70, 0.70),
            new ScoredCandidate("weak", 0.20, 3, 0.30));

    @Test
    void keepsTheStrongestModelUnlessAnotherIsBetterByMoreThanTheMargin() {
        assertThat(RoutingPolicy.of(PolicySpec.quality(0.05)).rank(candidates))
                .extracting(ScoredCandidate::modelId).containsExactly("strong", "specialist", "weak");
        assertThat(RoutingPolicy.of(PolicySpec.quality(0.02)).rank(candidates).get(0).modelId())
                .isEqualTo("specialist");
        assertThat(RoutingPolicy.of(PolicySpec.quality(0)).rank(candidates).get(0).modelId()).isEqualTo("specialist");
    }

    @Test
    void withoutLevelsItIsThePlainHighestProbability() {
        List<ScoredCandidate> noLevels = List.of(new ScoredCandidate("a", 0.61, 1), new ScoredCandidate("b", 0.60, 1));
        assertThat(RoutingPolicy.of(PolicySpec.quality(0.5)).rank(noLevels).get(0).modelId()).isEqualTo("a");
    }

    @Test
    void theMarginIsValidatedAndNamed() {
        assertThat(PolicySpec.quality().margin()).isEqualTo(PolicySpec.DEFAULT_MARGIN);
        assertThat(PolicySpec.quality().name()).isEqualTo("quality");
        assertThat(PolicySpec.quality(0.05).name()).isEqualTo("quality(margin=0.05)");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PolicySpec.quality(-0.1))
                .hasMessageContaining("margin must be in [0,1]");
    }
}
