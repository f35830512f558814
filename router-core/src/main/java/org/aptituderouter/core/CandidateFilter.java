package org.aptituderouter.core;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.aptituderouter.core.capability.Candidate;
import org.aptituderouter.core.capability.CapabilitySet;

/** Which routable candidates one request may be sent to, after its text check and its allow and exclude lists. */
final class CandidateFilter {

    /** Either a mask over {@link CapabilitySet#routable()} with at least one true entry, or a rejection. */
    record Eligibility(boolean[] mask, RoutingOutcome.Rejected rejection) {}

    private CandidateFilter() {}

    /** The text check ({@link TextCheck}) first, then the candidates: what every router admits before it decides. */
    static Eligibility admit(RoutingRequest request, CapabilitySet capabilities) {
        Optional<RoutingOutcome.Rejected> bad = TextCheck.check(request.id(), request.text());
        return bad.isPresent() ? new Eligibility(null, bad.get()) : of(request, capabilities);
    }

    static Eligibility of(RoutingRequest request, CapabilitySet capabilities) {
        Set<String> allowed = request.allowedModels();
        if (!allowed.isEmpty() && allowed.stream().noneMatch(capabilities::contains)) {
            // some unknown names among known ones are tolerated: a producer may list models not deployed here yet
            return reject(
                    request,
                    RejectReason.UNKNOWN_MODEL,
                    "allowed models " + new TreeSet<>(allowed) + " are all unknown to capability set v"
                            + capabilities.version());
        }
        List<Candidate> routable = capabilities.routable();
        boolean[] mask = new boolean[routable.size()];
        boolean any = false;
        for (int j = 0; j < mask.length; j++) {
            String model = routable.get(j).modelId();
            mask[j] = (allowed.isEmpty() || allowed.contains(model))
                    && !request.excludedModels().contains(model);
            any |= mask[j];
        }
        if (!any) {
            return reject(
                    request,
                    RejectReason.NO_ELIGIBLE_CANDIDATE,
                    "no ACTIVE candidate left among "
                            + routable.size() + " routable of capability set v" + capabilities.version()
                            + (allowed.isEmpty() ? "" : ", allowed " + new TreeSet<>(allowed))
                            + (request.excludedModels().isEmpty()
                                    ? ""
                                    : ", excluded " + new TreeSet<>(request.excludedModels())));
        }
        return new Eligibility(mask, null);
    }

    private static Eligibility reject(RoutingRequest request, RejectReason reason, String message) {
        return new Eligibility(null, new RoutingOutcome.Rejected(request.id(), reason, message));
    }
}
