package org.aptituderouter.app.capability;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.aptituderouter.app.metrics.RouterMetrics;
import org.aptituderouter.schemas.avro.ModelCapability;

/** The global-store processor of the capabilities topic (one per application instance). */
public final class CapabilityUpdateProcessorSupplier implements ProcessorSupplier<String, byte[], Void, Void> {

    private final String storeName;
    private final String topic;
    private final Deserializer<ModelCapability> deserializer;
    private final LiveCapabilities live;
    private final ModelOnboarding onboarding;
    private final RouterMetrics metrics;

    public CapabilityUpdateProcessorSupplier(
            String storeName,
            String topic,
            Deserializer<ModelCapability> deserializer,
            LiveCapabilities live,
            ModelOnboarding onboarding,
            RouterMetrics metrics) {
        this.storeName = storeName;
        this.topic = topic;
        this.deserializer = deserializer;
        this.live = live;
        this.onboarding = onboarding;
        this.metrics = metrics;
    }

    @Override
    public Processor<String, byte[], Void, Void> get() {
        return new CapabilityUpdateProcessor(storeName, topic, deserializer, live, onboarding, metrics);
    }
}
