package org.aptituderouter.schemas.serde;

import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.aptituderouter.schemas.registry.SchemaRegistryClient;

/**
 * Serializer and deserializer sharing one registry client, so a schema fetched for one is cached for both.
 * Configure with Confluent's keys (see {@link AvroSerdeConfig}).
 */
public class AvroSerde<T> implements Serde<T> {

    private final SchemaRegistryClient sharedRegistry;
    private final AvroSerializer<T> serializer;
    private final AvroDeserializer<T> deserializer;

    /** Generic or specific as {@code specific.avro.reader} says; for {@code default.value.serde} and the like. */
    public AvroSerde() {
        this(null, null);
    }

    /** Reads into {@code targetType}, a generated SpecificRecord class. */
    public AvroSerde(Class<? extends T> targetType) {
        this(null, targetType);
    }

    /**
     * Uses {@code registry} instead of creating a client on configure, so many serdes in one application can
     * share a single client and its caches.
     */
    public AvroSerde(SchemaRegistryClient registry, Class<? extends T> targetType) {
        this.sharedRegistry = registry;
        this.serializer = new AvroSerializer<>(registry);
        this.deserializer = new AvroDeserializer<>(registry, targetType);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        AvroSerdeConfig config = new AvroSerdeConfig(configs);
        SchemaRegistryClient registry = sharedRegistry != null ? sharedRegistry : config.registryClient();
        serializer.configure(config, registry, isKey);
        deserializer.configure(config, registry);
    }

    @Override
    public Serializer<T> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<T> deserializer() {
        return deserializer;
    }
}
