package org.aptituderouter.core;

/**
 * A candidate as a policy sees it for one instruction.
 *
 * @param probability the scorer's P(model answers this instruction correctly)
 * @param cost        the candidate's cost from its capability line
 */
public record ScoredCandidate(String modelId, double probability, double cost) {
}
