package org.aptituderouter.app.topics;

import io.micronaut.configuration.kafka.config.KafkaDefaultConfiguration;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.aptituderouter.app.config.RouterConfigException;
import org.aptituderouter.schemas.serde.AvroSerdeConfig;

/**
 * The schema registry keys, spelled as Confluent spells them under {@code kafka.}, so the same values reach every
 * Kafka client and every serde the router builds.
 */
@Singleton
public class SchemaRegistrySettings {

    private static final Set<String> KEYS = Set.of(
            AvroSerdeConfig.SCHEMA_REGISTRY_URL,
            AvroSerdeConfig.AUTO_REGISTER_SCHEMAS,
            AvroSerdeConfig.USE_LATEST_VERSION,
            AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE,
            AvroSerdeConfig.BASIC_AUTH_USER_INFO,
            AvroSerdeConfig.SPECIFIC_AVRO_READER,
            AvroSerdeConfig.LATEST_CACHE_TTL_SEC);

    private final Map<String, Object> serdeConfig;

    @Inject
    public SchemaRegistrySettings(KafkaDefaultConfiguration kafka) {
        this(kafka.getConfig());
    }

    /** @param kafkaConfig Kafka client settings; the registry keys are picked out of them */
    public SchemaRegistrySettings(Map<?, ?> kafkaConfig) {
        Map<String, Object> config = new HashMap<>();
        kafkaConfig.forEach((key, value) -> {
            if (KEYS.contains(String.valueOf(key))) {
                config.put(String.valueOf(key), value);
            }
        });
        Object url = config.get(AvroSerdeConfig.SCHEMA_REGISTRY_URL);
        if (url == null || String.valueOf(url).isBlank()) {
            throw new RouterConfigException("kafka.schema.registry.url is not set: give the schema registry's URL "
                    + "(it is only started in-process when kafka.bootstrap.servers is unset too)");
        }
        this.serdeConfig = Map.copyOf(config);
    }

    /** Configuration for an {@link org.aptituderouter.schemas.serde.AvroSerde}. */
    public Map<String, Object> serdeConfig() {
        return serdeConfig;
    }
}
