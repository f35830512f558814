package org.aptituderouter.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.aptituderouter.core.capability.Candidate;
import org.aptituderouter.core.capability.CapabilitySet;
import org.junit.jupiter.api.Test;

class PassthroughRouterTest {

    private static final CapabilitySet ZOO = CapabilitySet.empty("apt", 2)
            .withAll(List.of(
                    new Candidate("a", "apt", new float[] {0.2f, 0.3f}, 1),
                    new Candidate("b", "apt", new float[] {0.9f, 0.8f}, 2)));

    @Test
    void routesToTheFirstEligibleModelAndRejectsAsTheRouterDoes() {
        List<RoutingOutcome> outcomes = new PassthroughRouter()
                .route(
                        List.of(
                                RoutingRequest.of("plain", "What is 2 + 2?"),
                                RoutingRequest.of("not-a", "What is 2 + 2?").withExcluded(Set.of("a")),
                                RoutingRequest.of("empty", " "),
                                RoutingRequest.of("unknown", "Hi").withAllowed(Set.of("zzz"))),
                        ZOO);

        assertThat(((RoutingOutcome.Routed) outcomes.get(0)).modelId()).isEqualTo("a");
        assertThat(((RoutingOutcome.Routed) outcomes.get(0)).ranking())
                .extracting(ScoredCandidate::modelId)
                .containsExactly("a", "b"); // a decision as long as the real router's
        assertThat(((RoutingOutcome.Routed) outcomes.get(0)).probability()).isEqualTo(0.5);
        assertThat(((RoutingOutcome.Routed) outcomes.get(1)).modelId()).isEqualTo("b");
        assertThat(((RoutingOutcome.Routed) outcomes.get(1)).ranking())
                .extracting(ScoredCandidate::modelId)
                .containsExactly("b");
        assertThat(((RoutingOutcome.Rejected) outcomes.get(2)).reason()).isEqualTo(RejectReason.EMPTY_TEXT);
        assertThat(((RoutingOutcome.Rejected) outcomes.get(3)).reason()).isEqualTo(RejectReason.UNKNOWN_MODEL);
        assertThat(new PassthroughRouter().version()).isEqualTo("passthrough");
    }
}
