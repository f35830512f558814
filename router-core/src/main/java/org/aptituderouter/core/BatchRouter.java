package org.aptituderouter.core;

import java.util.List;
import org.aptituderouter.core.capability.CapabilitySet;

/**
 * What a host needs of a router: one outcome per request, in order, and a name for what decides. {@link Router} is
 * the real one; a host's tests substitute their own to inject failures without model weights.
 */
public interface BatchRouter {

    List<RoutingOutcome> route(List<RoutingRequest> requests, CapabilitySet capabilities);

    /** Names what decides, recorded with every decision. */
    String version();
}
