package org.aptituderouter.core;

import java.util.ArrayList;
import java.util.List;
import org.aptituderouter.core.capability.Candidate;
import org.aptituderouter.core.capability.CapabilitySet;

/**
 * A router without inference, for benchmarks only: the same checks as {@link Router} (text, constraints), then the
 * first eligible candidate with probability 1. Hosted in the streams application in place of the real router, it
 * measures what the pipeline itself can carry: decoding, the batch store, the outputs and the transactions.
 */
public final class PassthroughRouter implements BatchRouter {

    @Override
    public List<RoutingOutcome> route(List<RoutingRequest> requests, CapabilitySet capabilities) {
        List<RoutingOutcome> outcomes = new ArrayList<>(requests.size());
        List<Candidate> routable = capabilities.routable();
        for (RoutingRequest request : requests) {
            CandidateFilter.Eligibility eligibility = CandidateFilter.admit(request, capabilities);
            if (eligibility.rejection() != null) {
                outcomes.add(eligibility.rejection());
                continue;
            }
            int first = 0;
            while (!eligibility.mask()[first]) {
                first++;
            }
            Candidate chosen = routable.get(first);
            ScoredCandidate scored = new ScoredCandidate(chosen.modelId(), 1.0, chosen.cost(),
                    capabilities.routableLevel(first), capabilities.routableSupport(first));
            outcomes.add(new RoutingOutcome.Routed(request.id(), chosen.modelId(), 1.0, List.of(scored),
                    "passthrough", capabilities.version()));
        }
        return outcomes;
    }

    @Override
    public String version() {
        return "passthrough";
    }
}
