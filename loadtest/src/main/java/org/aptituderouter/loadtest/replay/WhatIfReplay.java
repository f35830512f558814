package org.aptituderouter.loadtest.replay;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.aptituderouter.app.routing.RoutingRequests;
import org.aptituderouter.app.topics.RouterTopics;
import org.aptituderouter.core.BatchRouter;
import org.aptituderouter.core.RoutingOutcome;
import org.aptituderouter.core.RoutingRequest;
import org.aptituderouter.core.ScoredCandidate;
import org.aptituderouter.core.capability.Candidate;
import org.aptituderouter.core.capability.CapabilitySet;
import org.aptituderouter.core.policy.PolicySpec;
import org.aptituderouter.schemas.avro.InstructionEvent;
import org.aptituderouter.schemas.avro.ModelOutcome;
import org.aptituderouter.schemas.avro.RoutingDecision;

/**
 * Routes a window of past instructions again, with another bundle, policy or zoo, and compares: which would move,
 * per-model volume before and after, expected accuracy (the replayed router's own probabilities) and realised
 * accuracy where graded outcomes exist, and mean cost. Reads {@code instructions}, {@code routing-decisions} and
 * {@code model-outcomes}; writes nothing to the cluster.
 */
public final class WhatIfReplay {

    private static final int BATCH = 256;

    private final Map<String, Object> clientConfig;
    private final RouterTopics topics;

    public WhatIfReplay(Map<String, Object> clientConfig, RouterTopics topics) {
        this.clientConfig = clientConfig;
        this.topics = topics;
    }

    public ReplayReport run(Instant from, Instant to, BatchRouter router, PolicySpec policy, CapabilitySet zoo) {
        long started = System.nanoTime();
        WindowReader reader = new WindowReader(clientConfig);
        List<InstructionEvent> instructions = new ArrayList<>();
        reader.read(topics.instructions(), from, to, instructions::add);
        Map<String, RoutingDecision> original = new HashMap<>();
        // decisions are written after their instruction: read from the window's start to now
        reader.read(
                topics.decisions(),
                from,
                Instant.now(),
                d -> original.putIfAbsent(d.getInstruction().getId(), d));
        Map<String, Boolean> graded = new HashMap<>();
        reader.read(
                topics.outcomes(),
                from,
                Instant.now(),
                o -> graded.putIfAbsent(key(o.getInstructionId(), o.getModelId()), correct(o)));

        RoutingRequests requests = new RoutingRequests(policy);
        Tally tally = new Tally(zoo);
        for (int start = 0; start < instructions.size(); start += BATCH) {
            List<InstructionEvent> batch = instructions.subList(start, Math.min(start + BATCH, instructions.size()));
            List<RoutingRequest> asked = batch.stream().map(requests::toRequest).toList();
            List<RoutingOutcome> outcomes = router.route(asked, zoo);
            for (int i = 0; i < batch.size(); i++) {
                if (outcomes.get(i) instanceof RoutingOutcome.Routed routed) {
                    tally.add(routed, original.get(batch.get(i).getId()), graded);
                }
            }
        }
        return tally.report(from, to, router.version(), policy.name(), (System.nanoTime() - started) / 1e9);
    }

    private static String key(String instructionId, String modelId) {
        return instructionId + "\u0000" + modelId;
    }

    private static Boolean correct(ModelOutcome outcome) {
        if (outcome.getCorrect() != null) {
            return outcome.getCorrect();
        }
        return outcome.getScore() == null ? null : outcome.getScore() >= 0.5;
    }

    /** The running comparison. */
    private static final class Tally {
        private final Map<String, Double> costs = new HashMap<>();
        private final Map<String, Long> before = new TreeMap<>();
        private final Map<String, Long> after = new TreeMap<>();
        private int routed;
        private int withDecision;
        private int moved;
        private double probabilityBefore;
        private double probabilityAfter;
        private int gradedBefore;
        private int correctBefore;
        private int gradedAfter;
        private int correctAfter;
        private double costBefore;
        private double costAfter;

        Tally(CapabilitySet zoo) {
            for (Candidate candidate : zoo.candidates()) {
                costs.put(candidate.modelId(), candidate.cost());
            }
        }

        void add(RoutingOutcome.Routed now, RoutingDecision then, Map<String, Boolean> graded) {
            routed++;
            if (then == null) {
                return;
            }
            withDecision++;
            String was = then.getModelId();
            String is = now.modelId();
            if (!was.equals(is)) {
                moved++;
            }
            before.merge(was, 1L, Long::sum);
            after.merge(is, 1L, Long::sum);
            probabilityAfter += now.probability();
            probabilityBefore += now.ranking().stream()
                    .filter(c -> c.modelId().equals(was))
                    .mapToDouble(ScoredCandidate::probability)
                    .findFirst()
                    .orElse(then.getProbability());
            costBefore += costs.getOrDefault(was, 0.0);
            costAfter += costs.getOrDefault(is, 0.0);
            Boolean wasRight = graded.get(key(then.getInstruction().getId(), was));
            if (wasRight != null) {
                gradedBefore++;
                correctBefore += wasRight ? 1 : 0;
            }
            Boolean isRight = graded.get(key(then.getInstruction().getId(), is));
            if (isRight != null) {
                gradedAfter++;
                correctAfter += isRight ? 1 : 0;
            }
        }

        ReplayReport report(Instant from, Instant to, String router, String policy, double seconds) {
            double n = Math.max(1, withDecision);
            return new ReplayReport(
                    from.toString(),
                    to.toString(),
                    router,
                    policy,
                    routed,
                    withDecision,
                    moved,
                    before,
                    after,
                    probabilityBefore / n,
                    probabilityAfter / n,
                    gradedBefore == 0 ? Double.NaN : (double) correctBefore / gradedBefore,
                    gradedBefore,
                    gradedAfter == 0 ? Double.NaN : (double) correctAfter / gradedAfter,
                    gradedAfter,
                    costBefore / n,
                    costAfter / n,
                    seconds);
        }
    }
}
