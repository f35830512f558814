package org.aptituderouter.core;

import java.util.List;
import java.util.Optional;
import org.aptituderouter.core.capability.Candidate;
import org.aptituderouter.core.capability.CapabilitySet;

/**
 * What a host needs of a router: one outcome per request, in order, and a name for what decides. {@link Router} is
 * the real one; a host's tests substitute their own to inject failures without model weights.
 */
public interface BatchRouter {

    List<RoutingOutcome> route(List<RoutingRequest> requests, CapabilitySet capabilities);

    /**
     * One instruction's embedding and the scorer's probability for one candidate, as its capability vector stands,
     * with no outcome correction: what a graded outcome teaches the candidate's correction. Empty where the router has
     * no such scorer (a passthrough router, a test double) or the vector does not fit it.
     */
    default Optional<ScoredInstruction> scoreUncorrected(String text, Candidate candidate) {
        return Optional.empty();
    }

    /** An instruction's embedding and one model's probability for it. */
    record ScoredInstruction(float[] embedding, float probability) {}

    /** Names what decides, recorded with every decision. */
    String version();
}
