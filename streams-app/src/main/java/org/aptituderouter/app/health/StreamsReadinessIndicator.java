package org.aptituderouter.app.health;

import io.micronaut.configuration.kafka.streams.KafkaStreamsFactory;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.aptituderouter.app.capability.LiveCapabilities;
import org.aptituderouter.core.capability.CapabilitySet;
import org.reactivestreams.Publisher;

/**
 * Readiness: is the router routing? The streams are RUNNING (not restoring or rebalancing) and the capability set
 * has at least one routable model; until then instructions wait in the batch store.
 */
@Singleton
public class StreamsReadinessIndicator implements HealthIndicator {

    static final String NAME = "kafkaStreamsReadiness";

    private final KafkaStreamsFactory streams;
    private final LiveCapabilities capabilities;

    public StreamsReadinessIndicator(KafkaStreamsFactory streams, LiveCapabilities capabilities) {
        this.streams = streams;
        this.capabilities = capabilities;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        KafkaStreams.State state = StreamsStates.worst(streams);
        CapabilitySet zoo = capabilities.current();
        boolean ready = state == KafkaStreams.State.RUNNING && !zoo.routable().isEmpty();
        return Publishers.just(HealthResult.builder(NAME, ready ? HealthStatus.UP : HealthStatus.DOWN)
                .details(Map.of(
                        "state", String.valueOf(state),
                        "capabilitySetVersion", zoo.version(),
                        "routableModels", zoo.routable().size()))
                .build());
    }
}
