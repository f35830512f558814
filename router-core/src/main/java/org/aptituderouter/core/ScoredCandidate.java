package org.aptituderouter.core;

/**
 * A candidate as a policy sees it for one instruction.
 *
 * @param probability the scorer's P(model answers this instruction correctly)
 * @param cost        the candidate's cost from its capability line
 * @param level       the candidate's expected accuracy over all traffic (its task scores weighted by task share);
 *                    NaN when unknown. The quality policy's no-regret rule prefers the highest level
 */
public record ScoredCandidate(String modelId, double probability, double cost, double level) {

    public ScoredCandidate(String modelId, double probability, double cost) {
        this(modelId, probability, cost, Double.NaN);
    }
}
