package org.aptituderouter.core;

/**
 * A candidate as a policy sees it for one instruction.
 *
 * @param probability the scorer's P(model answers this instruction correctly)
 * @param cost        the candidate's cost from its capability line
 * @param level       the candidate's expected accuracy over all traffic (its task scores weighted by task share);
 *                    NaN when unknown. The quality policy's no-regret rule prefers the highest level
 * @param support     how many answered questions stand behind the candidate's estimate on a task (its evidence per
 *                    task plus the shrinkage prior); NaN when unknown. The no-regret margin is measured in standard
 *                    errors that follow from it
 */
public record ScoredCandidate(String modelId, double probability, double cost, double level, double support) {

    public ScoredCandidate(String modelId, double probability, double cost) {
        this(modelId, probability, cost, Double.NaN, Double.NaN);
    }

    /** The binomial standard error of {@link #probability()} given {@link #support()}. */
    public double standardError() {
        return Math.sqrt(probability * (1 - probability) / support);
    }
}
