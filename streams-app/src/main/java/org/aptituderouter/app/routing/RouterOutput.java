package org.aptituderouter.app.routing;

import org.aptituderouter.schemas.avro.DeadLetter;
import org.aptituderouter.schemas.avro.RoutingDecision;

/** What the batching processor emits; the topology sends each kind to its own sink. */
public sealed interface RouterOutput {

    /** The instruction, as its producer wrote it, for the chosen model's topic. */
    record ToModel(String modelId, byte[] instruction) implements RouterOutput {}

    /** The decision and its evidence, for the decisions topic. */
    record Decision(RoutingDecision decision) implements RouterOutput {}

    /** A record the router could not use or route, for the dead-letter topic. */
    record DeadLettered(DeadLetter letter) implements RouterOutput {}
}
