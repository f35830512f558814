package org.aptituderouter.app.health;

import io.micronaut.configuration.kafka.streams.KafkaStreamsFactory;
import java.util.Comparator;
import org.apache.kafka.streams.KafkaStreams;

/** The state of the least healthy KafkaStreams instance the application runs (there is one: the router). */
final class StreamsStates {

    private StreamsStates() {}

    /** Null when no streams were created (yet). */
    static KafkaStreams.State worst(KafkaStreamsFactory factory) {
        return factory.getStreams().keySet().stream()
                .map(KafkaStreams::state)
                .max(Comparator.comparingInt(StreamsStates::severity))
                .orElse(null);
    }

    private static int severity(KafkaStreams.State state) {
        return switch (state) {
            case RUNNING -> 0;
            case REBALANCING, CREATED -> 1;
            case PENDING_SHUTDOWN, NOT_RUNNING -> 2;
            case PENDING_ERROR, ERROR -> 3;
        };
    }
}
