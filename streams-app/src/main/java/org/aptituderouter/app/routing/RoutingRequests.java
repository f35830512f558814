package org.aptituderouter.app.routing;

import java.util.HashSet;
import org.aptituderouter.core.RoutingRequest;
import org.aptituderouter.core.policy.PolicySpec;
import org.aptituderouter.core.policy.PolicyType;
import org.aptituderouter.schemas.avro.InstructionEvent;
import org.aptituderouter.schemas.avro.RoutingConstraints;

/**
 * Turns an instruction into a router-core request. A producer may override the policy, its lambda and its
 * threshold one by one; whatever it leaves null comes from {@code router.policy.*}.
 */
public final class RoutingRequests {

    private final PolicySpec defaults;

    /** @param defaults the default policy, carrying the default lambda and threshold whichever its type */
    public RoutingRequests(PolicySpec defaults) {
        this.defaults = defaults;
    }

    /** @throws IllegalArgumentException if the instruction's policy override is out of range */
    public RoutingRequest toRequest(InstructionEvent event) {
        RoutingConstraints constraints = event.getConstraints();
        if (constraints == null) {
            return RoutingRequest.of(event.getId(), event.getText());
        }
        return new RoutingRequest(
                event.getId(),
                event.getText(),
                new HashSet<>(constraints.getAllowedModels()),
                new HashSet<>(constraints.getExcludedModels()),
                policy(constraints));
    }

    /** Null (the router's default policy) unless the instruction overrides something. */
    private PolicySpec policy(RoutingConstraints c) {
        if (c.getPolicy() == null && c.getLambda() == null && c.getThreshold() == null) {
            return null;
        }
        PolicyType type = c.getPolicy() == null
                ? defaults.type()
                : PolicyType.valueOf(c.getPolicy().name());
        return new PolicySpec(
                type,
                c.getLambda() == null ? defaults.lambda() : c.getLambda(),
                c.getThreshold() == null ? defaults.threshold() : c.getThreshold(),
                defaults.margin());
    }
}
