package org.aptituderouter.app.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.aptituderouter.app.capability.CapabilityRecords;
import org.aptituderouter.app.support.TestRouter;
import org.aptituderouter.app.support.TopologyFixture;
import org.aptituderouter.app.support.Traffic;
import org.aptituderouter.core.BatchRouter;
import org.aptituderouter.core.aptitude.OutcomeCorrection;
import org.aptituderouter.core.aptitude.TaskEvidence;
import org.aptituderouter.core.bundle.RouterBundle;
import org.aptituderouter.core.capability.Candidate;
import org.aptituderouter.schemas.avro.DeadLetter;
import org.aptituderouter.schemas.avro.DeadLetterReason;
import org.aptituderouter.schemas.avro.ModelEvidence;
import org.aptituderouter.schemas.avro.ModelOutcome;
import org.aptituderouter.schemas.avro.RoutingDecision;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The closed loop in a TopologyTestDriver with the real router: a graded outcome meets its decision, counts once
 * toward the decision's task in the model's evidence topic, and the model's capability follows; every outcome that
 * cannot count is dead-lettered with its reason.
 */
class ClosedLoopTopologyTest {

    private static final List<Candidate> ZOO = RouterBundle.bundled().zoo();
    private static final String TEXT = "Solve 2x = 10 for x.\nA. 2\nB. 5";

    private TopologyFixture f;
    private RoutingDecision decision;

    @BeforeEach
    void routeOneInstruction() throws Exception {
        f = new TopologyFixture(1, Duration.ofHours(1));
        decision = routeOne(f, "q-1");
    }

    /** The bundled zoo published and one instruction routed: its decision. */
    private static RoutingDecision routeOne(TopologyFixture fixture, String id) {
        ZOO.forEach(c -> fixture.capabilities.pipeInput(c.modelId(), CapabilityRecords.toRecord(c)));
        fixture.send(Traffic.instruction(id, TEXT));
        return fixture.decisions.readValue();
    }

    @AfterEach
    void close() {
        f.close();
    }

    private static ModelOutcome outcome(String instruction, String model, Boolean correct, Double score) {
        return ModelOutcome.newBuilder()
                .setInstructionId(instruction)
                .setModelId(model)
                .setCorrect(correct)
                .setScore(score)
                .setSource("test")
                .setGradedAt(Instant.now())
                .build();
    }

    @Test
    void aDecisionNamesItsTask() {
        assertThat(decision.getTask())
                .isNotNull()
                .isBetween(0, RouterBundle.bundled().aptitudeTest().dimension() - 1);
    }

    @Test
    void aGradedOutcomeCountsOnceTowardTheDecisionsTaskAndTheCapabilityFollows() {
        String model = decision.getModelId();
        int task = decision.getTask();
        TaskEvidence published = f.live.publishedEvidence(model).orElseThrow();
        float before = f.live.current().find(model).orElseThrow().scores()[task];
        float[] vectorBefore = f.live.current().find(model).orElseThrow().scores();

        f.outcomes.pipeInput("q-1", outcome("q-1", model, false, null));

        ModelEvidence evidence = f.evidence.readValue();
        assertThat(evidence.getModelId()).isEqualTo(model);
        assertThat(evidence.getOutcomes()).isEqualTo(1);
        assertThat(evidence.getAnswered().get(task)).isEqualTo(1);
        assertThat(evidence.getCorrect().get(task)).isZero();
        assertThat(evidence.getAnswered().stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(1);
        // fed back through the evidence topic's global store: aptitude evidence plus the live outcome
        TaskEvidence now = f.live.current().find(model).orElseThrow().evidence();
        assertThat(now.answered()[task]).isEqualTo(published.answered()[task] + 1);
        assertThat(now.correct()[task]).isEqualTo(published.correct()[task]);
        assertThat(f.live.current().find(model).orElseThrow().scores()[task]).isLessThan(before);
        // what the correction learns against is the model as published, without the live counts
        assertThat(f.live.asPublished(model).orElseThrow().scores()).containsExactly(vectorBefore);
        assertThat(f.live.live(model).orElseThrow().outcomes()).isEqualTo(1);
        assertThat(f.counter("router.outcomes.counted", "model", model)).isEqualTo(1);
        // and taught the model's correction, for this router, which the capability set now carries: a wrong answer
        // lowers what the router expects of the model on that instruction
        assertThat(evidence.getCorrection()).isNotNull();
        assertThat(evidence.getCorrection().getOutcomes()).isEqualTo(1);
        assertThat(evidence.getCorrection().getRouterVersion())
                .isEqualTo(TestRouter.get().version());
        OutcomeCorrection correction =
                f.live.current().find(model).orElseThrow().correction();
        assertThat(correction.outcomes()).isEqualTo(1);
        BatchRouter.ScoredInstruction scored = TestRouter.get()
                .scoreUncorrected(TEXT, f.live.asPublished(model).orElseThrow())
                .orElseThrow();
        assertThat(correction.corrected(scored.probability(), scored.embedding()))
                .isLessThan(scored.probability());

        // the same answer graded again does not count twice
        f.outcomes.pipeInput("q-1", outcome("q-1", model, true, null));
        assertThat(f.evidence.isEmpty()).isTrue();
        assertThat(f.deadLetters.readValue().getReason()).isEqualTo(DeadLetterReason.DUPLICATE_OUTCOME);

        // another model's answer to the same instruction counts for that model, at the same task
        String other = ZOO.stream()
                .map(Candidate::modelId)
                .filter(id -> !id.equals(model))
                .findFirst()
                .orElseThrow();
        f.outcomes.pipeInput("q-1", outcome("q-1", other, null, 0.9));
        ModelEvidence second = f.evidence.readValue();
        assertThat(second.getModelId()).isEqualTo(other);
        assertThat(second.getCorrect().get(task)).isEqualTo(1);
    }

    @Test
    void aCorrectionTaughtToAnotherRouterIsNotApplied() {
        String model = decision.getModelId();
        f.outcomes.pipeInput("q-1", outcome("q-1", model, false, null));
        ModelEvidence evidence = f.evidence.readValue();
        assertThat(f.live.current().find(model).orElseThrow().correction()).isNotNull();

        // the same evidence as another router version published it: counts apply, the correction does not
        evidence.getCorrection().setRouterVersion("some-other-encoder+scorer-head@000000000000");
        f.driver
                .createInputTopic(
                        f.topics.evidence().name(),
                        new org.apache.kafka.common.serialization.StringSerializer(),
                        f.topics.evidence().valueSerde().serializer())
                .pipeInput(model, evidence);

        assertThat(f.live.current().find(model).orElseThrow().correction()).isNull();
        assertThat(f.live.live(model).orElseThrow().outcomes()).isEqualTo(1);
    }

    @Test
    void anOutcomeForAModelThatCannotBeRoutedNowCountsWithoutTeaching() {
        String model = decision.getModelId();
        Candidate draining = ZOO.stream()
                .filter(c -> c.modelId().equals(model))
                .findFirst()
                .orElseThrow()
                .withStatus(org.aptituderouter.core.capability.ModelStatus.DRAINING);
        f.capabilities.pipeInput(model, CapabilityRecords.toRecord(draining));

        f.outcomes.pipeInput("q-1", outcome("q-1", model, true, null));

        ModelEvidence evidence = f.evidence.readValue();
        assertThat(evidence.getOutcomes()).isEqualTo(1);
        assertThat(evidence.getCorrection()).isNull();
        assertThat(f.counter("router.outcomes.uncorrected", "model", model, "reason", "not_routable"))
                .isEqualTo(1);
    }

    @Test
    void withoutCorrectionsAnOutcomeCountsPerTaskOnly() throws Exception {
        try (TopologyFixture off = new TopologyFixture(1, Duration.ofHours(1), TestRouter.get(), false)) {
            String model = routeOne(off, "q-2").getModelId();

            off.outcomes.pipeInput("q-2", outcome("q-2", model, false, null));

            ModelEvidence evidence = off.evidence.readValue();
            assertThat(evidence.getOutcomes()).isEqualTo(1);
            assertThat(evidence.getCorrection()).isNull();
            assertThat(off.live.current().find(model).orElseThrow().correction())
                    .isNull();
        }
    }

    @Test
    void outcomesThatCannotCountAreDeadLetteredWithTheirReason() {
        String model = decision.getModelId();
        f.outcomes.pipeInput("nope", outcome("nope", model, true, null));
        f.outcomes.pipeInput("q-1", outcome("q-1", model, null, 1.5));
        f.outcomes.pipeInput("q-1", outcome("q-1", model, null, null));
        f.outcomes.pipeInput("q-1", outcome("q-1", "gpt-9", true, null));
        f.rawOutcomes.pipeInput("q-1".getBytes(), new byte[] {0, 0, 0, 0, 9, 9});

        List<DeadLetter> letters = f.deadLetters.readValuesToList();
        assertThat(letters)
                .extracting(DeadLetter::getReason)
                .containsExactly(
                        DeadLetterReason.UNKNOWN_INSTRUCTION,
                        DeadLetterReason.INVALID_OUTCOME,
                        DeadLetterReason.INVALID_OUTCOME,
                        DeadLetterReason.INVALID_OUTCOME,
                        DeadLetterReason.DESERIALIZATION_FAILED);
        assertThat(letters.get(1).getMessage()).contains("1.5");
        assertThat(letters.get(3).getMessage()).contains("gpt-9", "not in the zoo");
        assertThat(letters.get(4).getSourceTopic())
                .isEqualTo(f.topics.outcomes().name());
        assertThat(f.evidence.isEmpty()).isTrue();
        assertThat(f.live.live(model)).isEmpty();
    }
}
