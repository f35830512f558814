package org.aptituderouter.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.aptituderouter.core.aptitude.AptitudeTest;
import org.aptituderouter.core.bundle.RouterBundle;
import org.aptituderouter.core.capability.CapabilitySet;
import org.aptituderouter.core.inference.InferenceSettings;
import org.aptituderouter.core.policy.PolicySpec;
import org.junit.jupiter.api.Test;

/** The bundle in this jar ({@code bin/router train} on MMLU-Pro), used together as {@code Router.create} uses it. */
class BundledModelsTest {

    @Test
    void theBundledTestZooAndHeadFitTogetherAndRoute() {
        RouterBundle bundle = RouterBundle.bundled();
        AptitudeTest test = bundle.aptitudeTest();
        CapabilitySet zoo = CapabilitySet.empty(test).withAll(bundle.zoo());
        assertThat(test.id()).matches("mmlu-pro-apt-v2-[0-9a-f]{8}");
        assertThat(test.tasks()).allSatisfy(task -> assertThat(task.centroid()).hasSize(384));
        assertThat(zoo.size()).isEqualTo(23);
        assertThat(zoo.candidates()).allSatisfy(c -> assertThat(c.evidence()).isNotNull());

        try (Router router = Router.create(InferenceSettings.defaults(), PolicySpec.quality())) {
            assertThat(router.head().capabilityDimension()).isEqualTo(test.dimension());
            List<RoutingRequest> requests = new ArrayList<>();
            requests.add(RoutingRequest.of(
                    "math",
                    InstructionText.of(
                            "What is the integral of 2x dx?", List.of("x^2 + C", "2x^2 + C", "x + C", "2 + C"))));
            requests.add(RoutingRequest.of(
                    "law",
                    InstructionText.of(
                            "Which doctrine lets a court refuse to enforce an unconscionable contract term?",
                            List.of("Estoppel", "Unconscionability", "Laches", "Res judicata"))));
            requests.add(RoutingRequest.of("cheap", "Name the largest planet in the solar system.")
                    .withPolicy(PolicySpec.threshold(0.0)));
            List<RoutingOutcome> outcomes = router.route(requests, zoo);

            assertThat(outcomes).allSatisfy(o -> assertThat(o).isInstanceOf(RoutingOutcome.Routed.class));
            for (RoutingOutcome outcome : outcomes) {
                RoutingOutcome.Routed routed = (RoutingOutcome.Routed) outcome;
                assertThat(routed.ranking()).hasSize(23);
                assertThat(routed.ranking())
                        .allSatisfy(c -> assertThat(c.probability()).isBetween(0.0, 1.0));
            }
            // with tau 0 every candidate qualifies: the cheapest model of the zoo is chosen
            double cheapest =
                    zoo.routable().stream().mapToDouble(c -> c.cost()).min().orElseThrow();
            assertThat(((RoutingOutcome.Routed) outcomes.get(2))
                            .ranking()
                            .get(0)
                            .cost())
                    .isEqualTo(cheapest);
        }
    }
}
