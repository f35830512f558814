package org.aptituderouter.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.aptituderouter.core.ScoredCandidate;
import org.junit.jupiter.api.Test;

class NoRegretQualityPolicyTest {

    @Test
    void aNewcomerNeedsAClearEdgeToTakeTrafficFromTheStrongestModel() {
        // 'specialist' is better here by 0.05; its estimate stands on 80 answers per task, 'strong' on 80 too:
        // the standard error of the difference is sqrt(0.25/80 + 0.24/80) = 0.078
        List<ScoredCandidate> candidates = List.of(
                new ScoredCandidate("specialist", 0.65, 7, 0.50, 80),
                new ScoredCandidate("strong", 0.60, 70, 0.70, 80),
                new ScoredCandidate("weak", 0.20, 3, 0.30, 80));

        assertThat(RoutingPolicy.of(PolicySpec.quality(1.0)).rank(candidates))
                .extracting(ScoredCandidate::modelId)
                .containsExactly("strong", "specialist", "weak");
        assertThat(RoutingPolicy.of(PolicySpec.quality(0.5))
                        .rank(candidates)
                        .get(0)
                        .modelId())
                .isEqualTo("specialist");
        assertThat(RoutingPolicy.of(PolicySpec.quality(0))
                        .rank(candidates)
                        .get(0)
                        .modelId())
                .isEqualTo("specialist");
    }

    @Test
    void theSameEdgeBackedByMuchEvidenceIsEnough() {
        List<ScoredCandidate> known = List.of(
                new ScoredCandidate("specialist", 0.65, 7, 0.50, 2000),
                new ScoredCandidate("strong", 0.60, 70, 0.70, 2000));
        // standard error 0.0156: 0.05 is more than three of them
        assertThat(RoutingPolicy.of(PolicySpec.quality(3.0)).rank(known).get(0).modelId())
                .isEqualTo("specialist");
    }

    @Test
    void withoutLevelsOrEvidenceItIsThePlainHighestProbability() {
        List<ScoredCandidate> noLevels = List.of(new ScoredCandidate("a", 0.61, 1), new ScoredCandidate("b", 0.60, 1));
        assertThat(RoutingPolicy.of(PolicySpec.quality(5)).rank(noLevels).get(0).modelId())
                .isEqualTo("a");
    }

    @Test
    void theMarginIsValidatedAndNamed() {
        assertThat(PolicySpec.quality().margin()).isEqualTo(PolicySpec.DEFAULT_MARGIN);
        assertThat(PolicySpec.quality().name()).isEqualTo("quality");
        assertThat(PolicySpec.quality(1.5).name()).isEqualTo("quality(margin=1.5)");
        assertThatThrownBy(() -> PolicySpec.quality(-0.1)).hasMessageContaining("margin must be a non-negative number");
    }
}
