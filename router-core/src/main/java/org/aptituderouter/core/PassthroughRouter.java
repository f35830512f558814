package org.aptituderouter.core;

import java.util.ArrayList;
import java.util.List;
import org.aptituderouter.core.capability.Candidate;
import org.aptituderouter.core.capability.CapabilitySet;

/**
 * A router without inference, for benchmarks only: the same checks as {@link Router} (text, constraints), then the
 * first eligible candidate, with every eligible candidate listed in the decision as the real router lists them.
 * Hosted in the streams application in place of the real router, it measures what the pipeline itself can carry:
 * decoding, the batch store, the outputs and the transactions.
 */
public final class PassthroughRouter implements BatchRouter {

    @Override
    public List<RoutingOutcome> route(List<RoutingRequest> requests, CapabilitySet capabilities) {
        List<RoutingOutcome> outcomes = new ArrayList<>(requests.size());
        for (RoutingRequest request : requests) {
            CandidateFilter.Eligibility eligibility = CandidateFilter.admit(request, capabilities);
            if (eligibility.rejection() != null) {
                outcomes.add(eligibility.rejection());
                continue;
            }
            List<ScoredCandidate> ranking = everyEligible(eligibility.mask(), capabilities);
            ScoredCandidate chosen = ranking.get(0);
            outcomes.add(new RoutingOutcome.Routed(
                    request.id(),
                    chosen.modelId(),
                    chosen.probability(),
                    ranking,
                    "passthrough",
                    capabilities.version(),
                    -1));
        }
        return outcomes;
    }

    /**
     * Every eligible candidate, in the capability set's order, each with the same probability: a decision as long as
     * the real router's, so the decision records cost what they cost in production.
     */
    private static List<ScoredCandidate> everyEligible(boolean[] mask, CapabilitySet capabilities) {
        List<Candidate> routable = capabilities.routable();
        int eligible = 0;
        for (boolean admitted : mask) {
            eligible += admitted ? 1 : 0;
        }
        List<ScoredCandidate> ranking = new ArrayList<>(eligible);
        for (int j = 0; j < mask.length; j++) {
            if (mask[j]) {
                Candidate candidate = routable.get(j);
                ranking.add(new ScoredCandidate(
                        candidate.modelId(),
                        1.0 / eligible,
                        candidate.cost(),
                        capabilities.routableLevel(j),
                        capabilities.routableSupport(j)));
            }
        }
        return ranking;
    }

    @Override
    public String version() {
        return "passthrough";
    }
}
