package org.aptituderouter.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Capacity-aware spillover: the best-ranked candidate with room takes the instruction, and the decision says so. */
class SpillOverTest {

    private static final RoutingOutcome.Routed ROUTED = new RoutingOutcome.Routed(
            "q",
            "strong",
            0.9,
            List.of(
                    new ScoredCandidate("strong", 0.9, 70),
                    new ScoredCandidate("mid", 0.7, 8),
                    new ScoredCandidate("weak", 0.4, 1)),
            "quality",
            3,
            2);

    @Test
    void anOverCapacityChoiceGoesToTheNextBestWithRoom() {
        RoutingOutcome.Routed moved = ROUTED.spillOver(Set.of("strong"));

        assertThat(moved.modelId()).isEqualTo("mid");
        assertThat(moved.probability()).isEqualTo(0.7);
        assertThat(moved.spilledFrom()).isEqualTo("strong");
        assertThat(moved.task()).isEqualTo(2);
        assertThat(ROUTED.spillOver(Set.of("strong", "mid")).modelId()).isEqualTo("weak");
    }

    @Test
    void aChoiceWithRoomOrNoRoomAnywhereStays() {
        assertThat(ROUTED.spillOver(Set.of("mid"))).isSameAs(ROUTED);
        assertThat(ROUTED.spillOver(Set.of())).isSameAs(ROUTED);
        RoutingOutcome.Routed full = ROUTED.spillOver(Set.of("strong", "mid", "weak"));
        assertThat(full.modelId()).isEqualTo("strong");
        assertThat(full.spilledFrom()).isNull();
    }
}
