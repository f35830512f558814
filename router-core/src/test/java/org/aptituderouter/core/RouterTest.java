package org.aptituderouter.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.aptituderouter.core.RoutingOutcome.Rejected;
import org.aptituderouter.core.RoutingOutcome.Routed;
import org.aptituderouter.core.aptitude.OutcomeCorrection;
import org.aptituderouter.core.capability.Candidate;
import org.aptituderouter.core.capability.CapabilitySet;
import org.aptituderouter.core.capability.ModelStatus;
import org.aptituderouter.core.encoder.InstructionEncoder;
import org.aptituderouter.core.inference.InferenceSettings;
import org.aptituderouter.core.policy.PolicySpec;
import org.aptituderouter.core.scoring.ScorerHead;
import org.aptituderouter.core.testing.TestBundles;
import org.aptituderouter.core.testing.TestHeads;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The router over the real MiniLM encoder and a scorer head with known behaviour: P(model correct) = mean of the
 * model's capability vector, so each decision can be predicted from the zoo below.
 */
class RouterTest {

    private static final InferenceSettings CPU = InferenceSettings.defaults();
    private static final String OK_1 = "What is the boiling point of water at sea level?";
    private static final String OK_2 = "Explain the difference between mitosis and meiosis.";

    /** means: weak 0.2, mid 0.5, strong 0.8, retiring 0.9 (DRAINING) */
    private static final CapabilitySet ZOO = CapabilitySet.empty("apt", 3)
            .withAll(List.of(
                    new Candidate("weak", "apt", new float[] {0.1f, 0.2f, 0.3f}, 1),
                    new Candidate("mid", "apt", new float[] {0.5f, 0.5f, 0.5f}, 8),
                    new Candidate("strong", "apt", new float[] {0.7f, 0.8f, 0.9f}, 70),
                    new Candidate("retiring", "apt", new float[] {0.9f, 0.9f, 0.9f}, 2, ModelStatus.DRAINING)));

    private static InstructionEncoder encoder;
    private ScorerHead head;

    @BeforeAll
    static void loadEncoder() {
        encoder = InstructionEncoder.create(CPU);
    }

    @AfterAll
    static void closeEncoder() {
        encoder.close();
    }

    @AfterEach
    void closeHead() {
        if (head != null) {
            head.close();
        }
    }

    /** A router sharing the class's encoder; only its head is closed after each test. */
    private Router router(byte[] headModel, PolicySpec policy) {
        head = ScorerHead.fromBytes(headModel, CPU, "test head");
        return new Router(encoder, head, policy);
    }

    @Test
    void routesEachRecordByItsPolicyInInputOrder() {
        Router router = router(TestHeads.meanCapability(384, 3), PolicySpec.quality());
        List<RoutingOutcome> outcomes = router.route(
                List.of(
                        RoutingRequest.of("q", OK_1),
                        RoutingRequest.of("t", OK_2).withPolicy(PolicySpec.threshold(0.45)),
                        RoutingRequest.of("c", OK_1).withPolicy(PolicySpec.cost(0.01))),
                ZOO);

        assertThat(outcomes).extracting(RoutingOutcome::requestId).containsExactly("q", "t", "c");
        Routed quality = (Routed) outcomes.get(0);
        assertThat(quality.modelId()).isEqualTo("strong");
        assertThat(quality.probability()).isCloseTo(0.8, within(1e-6));
        assertThat(quality.ranking()).extracting(ScoredCandidate::modelId).containsExactly("strong", "mid", "weak");
        assertThat(quality.ranking().get(2).cost()).isEqualTo(1.0);
        assertThat(quality.policy()).isEqualTo("quality");
        assertThat(quality.capabilitySetVersion()).isEqualTo(ZOO.version());

        // cheapest with p >= 0.45 is mid
        assertThat(((Routed) outcomes.get(1)).modelId()).isEqualTo("mid");
        assertThat(((Routed) outcomes.get(1)).policy()).isEqualTo("threshold(tau=0.45)");
        // 0.8-0.7=0.1, 0.5-0.08=0.42, 0.2-0.01=0.19 -> mid
        assertThat(((Routed) outcomes.get(2)).modelId()).isEqualTo("mid");
    }

    @Test
    void aModelsOutcomeCorrectionMovesItsProbabilityBeforeThePolicyChooses() {
        Router router = router(TestHeads.meanCapability(384, 3), PolicySpec.quality());
        Candidate mid = ZOO.find("mid").orElseThrow();
        BatchRouter.ScoredInstruction scored =
                router.scoreUncorrected(OK_1, mid).orElseThrow();
        assertThat(scored.probability()).isCloseTo(0.5f, within(1e-6f));
        assertThat(scored.embedding()).hasSize(384);
        assertThat(router.scoreUncorrected(OK_1, new Candidate("other-test", "apt", new float[5], 1)))
                .as("a vector the head does not read")
                .isEmpty();

        // mid was right on this instruction every time it was graded: its correction lifts it above strong's 0.8
        OutcomeCorrection learned = OutcomeCorrection.prior(384, 1.0);
        for (int i = 0; i < 200; i++) {
            learned = learned.after(scored.embedding(), scored.probability(), 1);
        }
        CapabilitySet corrected = ZOO.with(mid.withCorrection(learned));
        Routed before = (Routed)
                router.route(List.of(RoutingRequest.of("q", OK_1)), ZOO).get(0);
        Routed after = (Routed)
                router.route(List.of(RoutingRequest.of("q", OK_1)), corrected).get(0);

        assertThat(before.modelId()).isEqualTo("strong");
        assertThat(after.modelId()).isEqualTo("mid");
        assertThat(after.probability()).isGreaterThan(0.8);
        // what the next outcome learns from is still the scorer's own probability, not the corrected one
        assertThat(router.scoreUncorrected(OK_1, corrected.find("mid").orElseThrow())
                        .orElseThrow()
                        .probability())
                .isCloseTo(0.5f, within(1e-6f));
        // a correction learned for another encoder's embeddings is ignored
        CapabilitySet foreign = ZOO.with(mid.withCorrection(OutcomeCorrection.prior(8)));
        Routed ignored = (Routed)
                router.route(List.of(RoutingRequest.of("q", OK_1)), foreign).get(0);
        assertThat(ignored.modelId()).isEqualTo("strong");
    }

    @Test
    void oneBadRecordNeverFailsTheBatch() {
        Router router = router(TestHeads.meanCapability(384, 3), PolicySpec.quality());
        List<RoutingOutcome> outcomes = router.route(
                List.of(
                        RoutingRequest.of("ok-1", OK_1),
                        RoutingRequest.of("empty", ""),
                        RoutingRequest.of("null", null),
                        RoutingRequest.of("blank", " \t\n "),
                        RoutingRequest.of("surrogate", "What is \uD83D the answer?"),
                        RoutingRequest.of("low-surrogate", "\uDC00 leading low surrogate"),
                        RoutingRequest.of("bad-decode", "Caf\uFFFD au lait?"),
                        RoutingRequest.of("unknown", OK_1).withAllowed(Set.of("gpt-9", "claude-7")),
                        RoutingRequest.of("partly-unknown", OK_1).withAllowed(Set.of("gpt-9", "weak")),
                        RoutingRequest.of("all-excluded", OK_1).withExcluded(Set.of("weak", "mid", "strong")),
                        RoutingRequest.of("only-draining", OK_1).withAllowed(Set.of("retiring")),
                        RoutingRequest.of("emoji", "Is \uD83D\uDE00 a valid instruction?"),
                        RoutingRequest.of("ok-2", OK_2).withExcluded(Set.of("strong")),
                        RoutingRequest.of("longest", "a".repeat(TextCheck.MAX_TEXT_CHARS - 1) + "?"),
                        RoutingRequest.of("too-long", "a".repeat(TextCheck.MAX_TEXT_CHARS) + "?")),
                ZOO);

        assertThat(outcomes)
                .extracting(RoutingOutcome::requestId)
                .containsExactly(
                        "ok-1",
                        "empty",
                        "null",
                        "blank",
                        "surrogate",
                        "low-surrogate",
                        "bad-decode",
                        "unknown",
                        "partly-unknown",
                        "all-excluded",
                        "only-draining",
                        "emoji",
                        "ok-2",
                        "longest",
                        "too-long");
        assertRouted(outcomes.get(0), "strong");
        assertRejected(outcomes.get(1), RejectReason.EMPTY_TEXT, "empty");
        assertRejected(outcomes.get(2), RejectReason.EMPTY_TEXT, "empty");
        assertRejected(outcomes.get(3), RejectReason.EMPTY_TEXT, "empty");
        assertRejected(outcomes.get(4), RejectReason.INVALID_TEXT, "unpaired surrogate U+D83D at index 8");
        assertRejected(outcomes.get(5), RejectReason.INVALID_TEXT, "unpaired surrogate U+DC00 at index 0");
        assertRejected(outcomes.get(6), RejectReason.INVALID_TEXT, "U+FFFD");
        assertRejected(outcomes.get(7), RejectReason.UNKNOWN_MODEL, "[claude-7, gpt-9]");
        assertRouted(outcomes.get(8), "weak");
        assertThat(((Routed) outcomes.get(8)).ranking()).hasSize(1);
        assertRejected(outcomes.get(9), RejectReason.NO_ELIGIBLE_CANDIDATE, "excluded [mid, strong, weak]");
        assertRejected(outcomes.get(10), RejectReason.NO_ELIGIBLE_CANDIDATE, "allowed [retiring]");
        assertRouted(outcomes.get(11), "strong");
        assertRouted(outcomes.get(12), "mid");
        assertThat(outcomes.get(13)).isInstanceOf(Routed.class);
        assertRejected(
                outcomes.get(14), RejectReason.INVALID_TEXT, "65537 characters long; the router accepts at most");
    }

    @Test
    void aRecordThatBreaksBatchedInferenceFailsAlone() {
        String poison = "Quelle est la capitale de l'Australie ? Réponds en français, s'il te plaît.";
        float[][] e = encoder.encode(List.of(OK_1, poison, OK_2));
        int dim = 0;
        double margin = Double.NEGATIVE_INFINITY;
        for (int d = 0; d < 384; d++) {
            double m = e[1][d] - Math.max(e[0][d], e[2][d]);
            if (m > margin) {
                margin = m;
                dim = d;
            }
        }
        assumeTrue(margin > 0.01, "the poison text stands out in some dimension");
        float limit = (float) (e[1][dim] - margin / 2);
        Router router = router(TestHeads.meanCapabilityFailingAbove(384, 3, dim, limit), PolicySpec.quality());

        List<RoutingOutcome> outcomes = router.route(
                List.of(
                        RoutingRequest.of("ok-1", OK_1),
                        RoutingRequest.of("poison", poison),
                        RoutingRequest.of("ok-2", OK_2)),
                ZOO);

        assertRouted(outcomes.get(0), "strong");
        assertThat(outcomes.get(1)).isInstanceOf(Rejected.class);
        assertThat(((Rejected) outcomes.get(1)).reason()).isEqualTo(RejectReason.INFERENCE_ERROR);
        assertThat(((Rejected) outcomes.get(1)).message()).contains("scorer inference failed");
        assertRouted(outcomes.get(2), "strong");
    }

    @Test
    void aHeadForAnotherAptitudeTestRejectsEveryRecordWithoutThrowing() {
        Router router = router(TestHeads.meanCapability(384, 50), PolicySpec.quality());
        List<RoutingOutcome> outcomes =
                router.route(List.of(RoutingRequest.of("a", OK_1), RoutingRequest.of("b", "")), ZOO);
        assertRejected(outcomes.get(0), RejectReason.INFERENCE_ERROR, "holds 3-task vectors of apt, scorer head");
        assertRejected(outcomes.get(1), RejectReason.EMPTY_TEXT, "empty");
    }

    @Test
    void emptyBatchesAndEmptyZoos() {
        Router router = router(TestHeads.meanCapability(384, 3), PolicySpec.quality());
        assertThat(router.route(List.of(), ZOO)).isEmpty();
        List<RoutingOutcome> none = router.route(List.of(RoutingRequest.of("a", OK_1)), CapabilitySet.empty("apt", 3));
        assertRejected(none.get(0), RejectReason.NO_ELIGIBLE_CANDIDATE, "no ACTIVE candidate left among 0 routable");
    }

    @Test
    void createLoadsTheConfiguredHeadAndNamesItsParts(@TempDir Path dir) throws Exception {
        Path bundle = TestBundles.write(dir, "apt", 3, TestHeads.meanCapability(384, 3));
        try (Router router = Router.create(CPU.withBundle(bundle), PolicySpec.cost(0.001))) {
            assertThat(router.version()).matches("all-minilm-l6-v2/fp32\\+scorer-head@[0-9a-f]{12}");
            assertThat(router.defaultPolicy()).isEqualTo(PolicySpec.cost(0.001));
            assertRouted(
                    router.route(List.of(RoutingRequest.of("a", OK_1)), ZOO).get(0), "strong");
        }
    }

    private static void assertRouted(RoutingOutcome outcome, String model) {
        assertThat(outcome).isInstanceOf(Routed.class);
        assertThat(((Routed) outcome).modelId()).isEqualTo(model);
    }

    private static void assertRejected(RoutingOutcome outcome, RejectReason reason, String messagePart) {
        assertThat(outcome).isInstanceOf(Rejected.class);
        assertThat(((Rejected) outcome).reason()).isEqualTo(reason);
        assertThat(((Rejected) outcome).message()).contains(messagePart);
    }
}
