package org.aptituderouter.app.demo;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.aptituderouter.core.capability.Candidate;
import org.aptituderouter.core.capability.CapabilitySet;
import org.aptituderouter.schemas.avro.RoutingDecision;

/**
 * What one policy did with the demo's instructions, by the router's own estimates: which models it chose, the
 * expected accuracy (the mean of the chosen models' probabilities of answering correctly) and the mean cost per
 * instruction, beside the cost of sending everything to the best single model (the highest aptitude level).
 *
 * @param chosen        instructions per chosen model
 * @param expected      mean probability of a correct answer over the instructions
 * @param meanCost      mean cost (the capability record's {@code cost}) per instruction
 * @param bestSingle    the model with the highest aptitude level of the zoo
 * @param bestSingleCost its cost per instruction
 */
public record PolicySummary(
        String policy,
        Map<String, Integer> chosen,
        double expected,
        double meanCost,
        String bestSingle,
        double bestSingleCost) {

    public static PolicySummary of(String policy, List<RoutingDecision> decisions, CapabilitySet zoo) {
        if (decisions.isEmpty()) {
            throw new IllegalArgumentException("no decisions to summarise for " + policy);
        }
        Candidate best = zoo.routable().stream()
                .max((a, b) -> Double.compare(zoo.level(a), zoo.level(b)))
                .orElseThrow(() -> new IllegalArgumentException("the zoo has no routable model"));
        Map<String, Integer> chosen = new TreeMap<>();
        double probability = 0;
        double cost = 0;
        for (RoutingDecision decision : decisions) {
            chosen.merge(decision.getModelId(), 1, Integer::sum);
            probability += decision.getProbability();
            cost += zoo.find(decision.getModelId())
                    .map(Candidate::cost)
                    .orElseThrow(() -> new IllegalArgumentException(decision.getModelId() + " is not in the zoo"));
        }
        return new PolicySummary(
                policy, chosen, probability / decisions.size(), cost / decisions.size(), best.modelId(), best.cost());
    }

    /** Share of the best single model's cost saved, 0 to 1 (negative if the policy spends more). */
    public double saving() {
        return bestSingleCost == 0 ? 0 : 1 - meanCost / bestSingleCost;
    }
}
