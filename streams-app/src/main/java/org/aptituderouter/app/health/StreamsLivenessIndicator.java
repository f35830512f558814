package org.aptituderouter.app.health;

import io.micronaut.configuration.kafka.streams.KafkaStreamsFactory;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Liveness;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.KafkaStreams;
import org.reactivestreams.Publisher;

/**
 * Liveness: is restarting the process the fix? Only when the streams have failed (ERROR, or on their way there).
 * CREATED and REBALANCING are alive, so an hour-long state restore is never mistaken for a hang.
 */
@Singleton
@Liveness
public class StreamsLivenessIndicator implements HealthIndicator {

    static final String NAME = "kafkaStreamsLiveness";
    private static final Set<KafkaStreams.State> DEAD =
            Set.of(KafkaStreams.State.ERROR, KafkaStreams.State.PENDING_ERROR);

    private final KafkaStreamsFactory streams;

    public StreamsLivenessIndicator(KafkaStreamsFactory streams) {
        this.streams = streams;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        KafkaStreams.State state = StreamsStates.worst(streams);
        HealthStatus status = state == null || !DEAD.contains(state) ? HealthStatus.UP : HealthStatus.DOWN;
        return Publishers.just(HealthResult.builder(NAME, status)
                .details(Map.of("state", String.valueOf(state)))
                .build());
    }
}
