package org.aptituderouter.app.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.aptituderouter.app.capability.CapabilityRecords;
import org.aptituderouter.app.support.TopologyFixture;
import org.aptituderouter.app.support.Traffic;
import org.aptituderouter.core.Router;
import org.aptituderouter.core.bundle.RouterBundle;
import org.aptituderouter.core.capability.Candidate;
import org.aptituderouter.core.inference.InferenceSettings;
import org.aptituderouter.core.policy.PolicySpec;
import org.aptituderouter.schemas.avro.ModelOutcome;
import org.aptituderouter.schemas.avro.RoutingDecision;
import org.junit.jupiter.api.Test;

/**
 * A shadow router in the topology: every decision carries its choice, agreement is counted, and graded outcomes of
 * instructions the two would route differently are counted per router, so each one's realised accuracy shows.
 */
class ShadowTopologyTest {

    @Test
    void decisionsCarryTheShadowsChoiceAndDisagreementsAreGradedPerRouter() throws Exception {
        RouterBundle bundle = RouterBundle.bundled();
        List<Candidate> zoo = bundle.zoo();
        String cheapest = zoo.stream()
                .min(Comparator.comparingDouble(Candidate::cost))
                .orElseThrow()
                .modelId();
        try (Router shadowed = Router.create(
                        InferenceSettings.defaults().withMaxTokens(64),
                        PolicySpec.quality(),
                        bundle,
                        bundle,
                        PolicySpec.cost(1e6));
                TopologyFixture f = new TopologyFixture(2, Duration.ofHours(1), shadowed)) {
            zoo.forEach(c -> f.capabilities.pipeInput(c.modelId(), CapabilityRecords.toRecord(c)));
            f.send(Traffic.instruction("s-1", "Solve 2x = 10 for x.\nA. 2\nB. 5"));
            f.send(Traffic.instruction("s-2", "Who painted the Mona Lisa?\nA. Leonardo\nB. Raphael"));

            List<RoutingDecision> decisions = f.decisions.readValuesToList();
            assertThat(decisions).hasSize(2).allSatisfy(d -> {
                assertThat(d.getShadow()).isNotNull();
                assertThat(d.getShadow().getModelId()).isEqualTo(cheapest);
                assertThat(d.getShadow().getPolicy()).startsWith("cost");
                assertThat(d.getModelId()).isNotEqualTo(cheapest);
            });
            assertThat(f.counter("router.shadow.decisions", "agreement", "disagree"))
                    .isEqualTo(2);

            // graders may grade either router's choice: each counts for its router where they disagree
            f.outcomes.pipeInput(
                    "s-1",
                    ModelOutcome.newBuilder()
                            .setInstructionId("s-1")
                            .setModelId(decisions.get(0).getModelId())
                            .setCorrect(true)
                            .setGradedAt(Instant.now())
                            .build());
            f.outcomes.pipeInput(
                    "s-1",
                    ModelOutcome.newBuilder()
                            .setInstructionId("s-1")
                            .setModelId(cheapest)
                            .setCorrect(false)
                            .setGradedAt(Instant.now())
                            .build());

            assertThat(f.counter("router.shadow.disagreement.outcomes", "router", "live", "correct", "true"))
                    .isEqualTo(1);
            assertThat(f.counter("router.shadow.disagreement.outcomes", "router", "shadow", "correct", "false"))
                    .isEqualTo(1);
        }
    }
}
