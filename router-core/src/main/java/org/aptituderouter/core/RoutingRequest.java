package org.aptituderouter.core;

import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.aptituderouter.core.policy.PolicySpec;

/**
 * One instruction to route.
 *
 * @param text           the instruction; may be null or blank, the router then rejects it (EMPTY_TEXT)
 * @param allowedModels  if not empty, only these models may be chosen
 * @param excludedModels these models may not be chosen
 * @param policy         this request's policy; null for the router's default
 */
public record RoutingRequest(
        String id, String text, Set<String> allowedModels, Set<String> excludedModels, PolicySpec policy) {

    public RoutingRequest {
        Objects.requireNonNull(id, "id");
        allowedModels = copy(allowedModels);
        excludedModels = copy(excludedModels);
    }

    /** Any model, the default policy. */
    public static RoutingRequest of(String id, String text) {
        return new RoutingRequest(id, text, Set.of(), Set.of(), null);
    }

    public RoutingRequest withAllowed(Set<String> models) {
        return new RoutingRequest(id, text, models, excludedModels, policy);
    }

    public RoutingRequest withExcluded(Set<String> models) {
        return new RoutingRequest(id, text, allowedModels, models, policy);
    }

    public RoutingRequest withPolicy(PolicySpec spec) {
        return new RoutingRequest(id, text, allowedModels, excludedModels, spec);
    }

    /** Null-tolerant immutable copy: requests arrive from deserialized messages with null lists and entries. */
    private static Set<String> copy(Set<String> models) {
        return models == null
                ? Set.of()
                : models.stream().filter(Objects::nonNull).collect(Collectors.toUnmodifiableSet());
    }
}
