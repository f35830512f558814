package org.aptituderouter.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.aptituderouter.core.aptitude.AptitudeTest;
import org.aptituderouter.core.aptitude.OutcomeCorrection;
import org.aptituderouter.core.bundle.RouterBundle;
import org.aptituderouter.core.capability.Candidate;
import org.aptituderouter.core.capability.CapabilitySet;
import org.aptituderouter.core.encoder.EncoderFamily;
import org.aptituderouter.core.encoder.InstructionEncoder;
import org.aptituderouter.core.encoder.StaticEncoder;
import org.aptituderouter.core.inference.InferenceSettings;
import org.aptituderouter.core.inference.InferenceStartupException;
import org.aptituderouter.core.policy.PolicySpec;
import org.aptituderouter.core.policy.RoutingPolicy;
import org.aptituderouter.core.scoring.ScorerHead;

/**
 * Routes batches of instructions: rejects unusable ones, embeds the rest in one encoder call, scores them against
 * every routable candidate in one scorer call, and lets each request's policy choose among its eligible candidates.
 * A bad record never fails the others. Thread-safe; owns (and closes) its encoder and scorer head.
 */
public final class Router implements BatchRouter, AutoCloseable {

    private final InstructionEncoder encoder;
    private final ScorerHead head;
    private final PolicySpec defaultPolicy;
    private final RoutingPolicy defaultRoutingPolicy;
    /** A second head that scores every batch on the same embeddings and chooses by its own policy; null for none. */
    private final ShadowHead shadow;

    /** The shadow's head and policy; its choice is recorded, never routed. */
    private record ShadowHead(ScorerHead head, RoutingPolicy policy, String policyName, String version) {}

    public Router(InstructionEncoder encoder, ScorerHead head, PolicySpec defaultPolicy) {
        this(encoder, head, defaultPolicy, null);
    }

    private Router(InstructionEncoder encoder, ScorerHead head, PolicySpec defaultPolicy, ShadowHead shadow) {
        if (encoder.dimension() != head.embeddingDimension()) {
            throw new IllegalArgumentException("encoder gives " + encoder.dimension()
                    + "-dimensional embeddings, scorer head " + head.version() + " expects "
                    + head.embeddingDimension());
        }
        this.encoder = encoder;
        this.head = head;
        this.defaultPolicy = defaultPolicy;
        this.defaultRoutingPolicy = RoutingPolicy.of(defaultPolicy);
        this.shadow = shadow;
    }

    /** The encoder the settings name, with the head of the bundle they name (or of the bundle in this jar). */
    public static Router create(InferenceSettings settings, PolicySpec defaultPolicy) {
        return create(settings, defaultPolicy, RouterBundle.open(settings.bundle()));
    }

    /** The encoder the settings name, with the bundle's head; refuses an encoder the head was not trained for. */
    public static Router create(InferenceSettings settings, PolicySpec defaultPolicy, RouterBundle bundle) {
        InstructionEncoder encoder = settings.encoder() == EncoderFamily.STATIC
                        && settings.staticTable() == null
                        && bundle.staticTable().isPresent()
                ? StaticEncoder.create(bundle.staticTable().get(), settings)
                : InstructionEncoder.create(settings);
        try {
            bundle.checkEncoder(encoder.version());
            ScorerHead head =
                    ScorerHead.fromBytes(bundle.head(), settings, bundle.source() + "/" + RouterBundle.SCORER_HEAD);
            if (head.capabilityDimension() != bundle.aptitudeTest().dimension()) {
                int expected = head.capabilityDimension();
                head.close();
                throw new InferenceStartupException(bundle.source() + "/" + RouterBundle.SCORER_HEAD + " reads "
                        + expected + " task scores but " + bundle.source() + "/" + RouterBundle.APTITUDE_TEST
                        + " has " + bundle.aptitudeTest().dimension() + " tasks: the files come from different "
                        + "bundles; train again or restore the folder");
            }
            return new Router(encoder, head, defaultPolicy);
        } catch (RuntimeException e) {
            encoder.close();
            throw e;
        }
    }

    /**
     * As {@link #create(InferenceSettings, PolicySpec, RouterBundle)}, with a shadow: the head of {@code shadowBundle}
     * scores every batch on the same embeddings (so it costs one more head call, not another encoding) and chooses by
     * {@code shadowPolicy}; its choice is recorded in each outcome and never routed. The shadow bundle must be trained
     * for the same encoder and answer the same aptitude test, so that one capability set serves both.
     */
    public static Router create(
            InferenceSettings settings,
            PolicySpec defaultPolicy,
            RouterBundle bundle,
            RouterBundle shadowBundle,
            PolicySpec shadowPolicy) {
        Router live = create(settings, defaultPolicy, bundle);
        String what = "router.shadow.bundle " + shadowBundle.source();
        try {
            if (!shadowBundle.aptitudeTest().id().equals(bundle.aptitudeTest().id())) {
                throw new InferenceStartupException(what + " answers aptitude test "
                        + shadowBundle.aptitudeTest().id()
                        + " but the live bundle " + bundle.aptitudeTest().id() + ": a shadow reads the same capability "
                        + "records, so train it on the same aptitude test (bin/router train --bundle with the live "
                        + "bundle's test) or leave router.shadow.bundle empty");
            }
            shadowBundle.checkEncoder(live.encoder.version());
            ScorerHead shadowHead = ScorerHead.fromBytes(
                    shadowBundle.head(), settings, shadowBundle.source() + "/" + RouterBundle.SCORER_HEAD);
            if (shadowHead.capabilityDimension() != live.head.capabilityDimension()
                    || shadowHead.embeddingDimension() != live.head.embeddingDimension()) {
                shadowHead.close();
                throw new InferenceStartupException(what + "'s head reads other dimensions than the live head's");
            }
            return new Router(
                    live.encoder,
                    live.head,
                    defaultPolicy,
                    new ShadowHead(
                            shadowHead,
                            RoutingPolicy.of(shadowPolicy),
                            shadowPolicy.name(),
                            live.encoder.version() + "+" + shadowHead.version()));
        } catch (RuntimeException e) {
            live.close();
            throw e;
        }
    }

    /** One outcome per request, in input order. */
    @Override
    public List<RoutingOutcome> route(List<RoutingRequest> requests, CapabilitySet capabilities) {
        RoutingOutcome[] outcomes = new RoutingOutcome[requests.size()];
        List<Integer> pending = new ArrayList<>();
        List<boolean[]> masks = new ArrayList<>();
        for (int i = 0; i < outcomes.length; i++) {
            RoutingRequest request = requests.get(i);
            CandidateFilter.Eligibility eligibility = CandidateFilter.admit(request, capabilities);
            if (eligibility.rejection() != null) {
                outcomes[i] = eligibility.rejection();
                continue;
            }
            pending.add(i);
            masks.add(eligibility.mask());
        }
        if (!pending.isEmpty()) {
            decide(requests, capabilities, pending, masks, outcomes);
        }
        return Arrays.asList(outcomes);
    }

    private void decide(
            List<RoutingRequest> requests,
            CapabilitySet capabilities,
            List<Integer> pending,
            List<boolean[]> masks,
            RoutingOutcome[] outcomes) {
        if (capabilities.dimension() != head.capabilityDimension()) {
            String message = "capability set v" + capabilities.version() + " holds " + capabilities.dimension()
                    + "-task vectors of " + capabilities.aptitudeTestId() + ", scorer head " + head.version()
                    + " expects " + head.capabilityDimension();
            pending.forEach(i -> outcomes[i] = inferenceError(requests.get(i), message));
            return;
        }
        float[][] candidates = capabilities.routableScores();
        List<String> texts = pending.stream().map(i -> requests.get(i).text()).toList();
        float[][] embeddings = null;
        float[][] probabilities;
        try {
            embeddings = encoder.encode(texts);
            probabilities = head.score(embeddings, candidates);
        } catch (RuntimeException batchFailure) {
            // one record may have broken the batch: retry each alone so only that record fails
            probabilities = null;
        }
        float[][] shadowProbabilities = probabilities == null ? null : shadowScores(embeddings, candidates);
        AptitudeTest test = capabilities.test();
        for (int k = 0; k < pending.size(); k++) {
            RoutingRequest request = requests.get(pending.get(k));
            float[] row;
            float[] embedding;
            float[] shadowRow = shadowProbabilities == null ? null : shadowProbabilities[k];
            if (probabilities != null) {
                row = probabilities[k];
                embedding = embeddings[k];
            } else {
                try {
                    embedding = encoder.encode(List.of(request.text()))[0];
                    row = head.score(new float[][] {embedding}, candidates)[0];
                } catch (RuntimeException e) {
                    outcomes[pending.get(k)] = inferenceError(request, e.getMessage());
                    continue;
                }
            }
            int task = test == null ? -1 : test.nearestTask(embedding);
            outcomes[pending.get(k)] = choose(
                    request, capabilities, masks.get(k), corrected(capabilities, row, embedding), task, shadowRow);
        }
    }

    /**
     * The scorer's probabilities with each candidate's outcome correction applied (a correction learned for another
     * encoder's embeddings is ignored). The shadow's are left as its head gave them: the corrections were learned
     * against the live head.
     */
    private static float[] corrected(CapabilitySet capabilities, float[] row, float[] embedding) {
        List<Candidate> routable = capabilities.routable();
        float[] out = row;
        for (int j = 0; j < row.length; j++) {
            OutcomeCorrection correction = routable.get(j).correction();
            if (correction != null && correction.dimension() == embedding.length && Float.isFinite(row[j])) {
                if (out == row) {
                    out = row.clone();
                }
                out[j] = correction.corrected(row[j], embedding);
            }
        }
        return out;
    }

    @Override
    public Optional<ScoredInstruction> scoreUncorrected(String text, Candidate candidate) {
        if (candidate.dimension() != head.capabilityDimension()) {
            return Optional.empty();
        }
        float[] embedding = encoder.encode(List.of(text))[0];
        float probability = head.score(new float[][] {embedding}, new float[][] {candidate.scores()})[0][0];
        return Optional.of(new ScoredInstruction(embedding, probability));
    }

    /** The shadow head's scores for the batch; null without a shadow, or if it failed (the live choice stands). */
    private float[][] shadowScores(float[][] embeddings, float[][] candidates) {
        if (shadow == null) {
            return null;
        }
        try {
            return shadow.head().score(embeddings, candidates);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private RoutingOutcome choose(
            RoutingRequest request,
            CapabilitySet capabilities,
            boolean[] mask,
            float[] row,
            int task,
            float[] shadowRow) {
        int bad = firstNonFinite(mask, row);
        if (bad >= 0) {
            return inferenceError(
                    request,
                    "scorer gave probability " + row[bad] + " for "
                            + capabilities.routable().get(bad).modelId());
        }
        List<ScoredCandidate> eligible = eligible(capabilities, mask, row);
        RoutingPolicy policy = request.policy() == null ? defaultRoutingPolicy : RoutingPolicy.of(request.policy());
        List<ScoredCandidate> ranking = policy.rank(eligible);
        ScoredCandidate best = ranking.get(0);
        return new RoutingOutcome.Routed(
                request.id(),
                best.modelId(),
                best.probability(),
                ranking,
                policy.name(),
                capabilities.version(),
                task,
                shadowChoice(capabilities, mask, shadowRow));
    }

    /** The first eligible candidate whose score is not a finite number, or -1. */
    private static int firstNonFinite(boolean[] mask, float[] row) {
        for (int j = 0; j < mask.length; j++) {
            if (mask[j] && !Float.isFinite(row[j])) {
                return j;
            }
        }
        return -1;
    }

    /** The eligible candidates with their scores (all finite: see {@link #firstNonFinite}). */
    private static List<ScoredCandidate> eligible(CapabilitySet capabilities, boolean[] mask, float[] row) {
        List<Candidate> routable = capabilities.routable();
        List<ScoredCandidate> eligible = new ArrayList<>();
        for (int j = 0; j < mask.length; j++) {
            if (!mask[j]) {
                continue;
            }
            Candidate candidate = routable.get(j);
            eligible.add(new ScoredCandidate(
                    candidate.modelId(),
                    row[j],
                    candidate.cost(),
                    capabilities.routableLevel(j),
                    capabilities.routableSupport(j)));
        }
        return eligible;
    }

    /** The shadow's choice among the same eligible candidates, by its own policy; null without one. */
    private RoutingOutcome.Shadow shadowChoice(CapabilitySet capabilities, boolean[] mask, float[] shadowRow) {
        if (shadowRow == null || firstNonFinite(mask, shadowRow) >= 0) {
            return null;
        }
        ScoredCandidate best =
                shadow.policy().rank(eligible(capabilities, mask, shadowRow)).get(0);
        return new RoutingOutcome.Shadow(best.modelId(), best.probability(), shadow.policyName(), shadow.version());
    }

    private static RoutingOutcome.Rejected inferenceError(RoutingRequest request, String message) {
        return new RoutingOutcome.Rejected(request.id(), RejectReason.INFERENCE_ERROR, message);
    }

    public PolicySpec defaultPolicy() {
        return defaultPolicy;
    }

    public InstructionEncoder encoder() {
        return encoder;
    }

    public ScorerHead head() {
        return head;
    }

    /** Names what decides, e.g. {@code all-minilm-l6-v2/fp32+scorer-head@1a2b3c4d5e6f}. */
    @Override
    public String version() {
        return encoder.version() + "+" + head.version();
    }

    @Override
    public void close() {
        try {
            encoder.close();
        } finally {
            head.close();
            if (shadow != null) {
                shadow.head().close();
            }
        }
    }
}
