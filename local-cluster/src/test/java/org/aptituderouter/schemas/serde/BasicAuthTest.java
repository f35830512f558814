package org.aptituderouter.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.aptituderouter.schemas.Samples;
import org.aptituderouter.schemas.avro.ModelCapability;
import org.aptituderouter.schemas.registry.SchemaRegistryServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The serde against a registry that demands basic auth, configured the way Confluent clients are. */
class BasicAuthTest {

    private SchemaRegistryServer server;

    @BeforeEach
    void start() {
        server = SchemaRegistryServer.withBasicAuth("router", "pa55").start(0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void userInfoCredentialsAreAccepted() {
        AvroSerde<ModelCapability> serde = serde(Map.of(
                AvroSerdeConfig.SCHEMA_REGISTRY_URL, server.url(),
                AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO",
                AvroSerdeConfig.BASIC_AUTH_USER_INFO, "router:pa55"));

        byte[] bytes = serde.serializer().serialize("model-capabilities", Samples.capability());

        assertThat(serde.deserializer().deserialize("model-capabilities", bytes))
                .isEqualTo(Samples.capability());
    }

    @Test
    void wrongUserInfoIsRejected() {
        AvroSerde<ModelCapability> serde = serde(Map.of(
                AvroSerdeConfig.SCHEMA_REGISTRY_URL, server.url(),
                AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO",
                AvroSerdeConfig.BASIC_AUTH_USER_INFO, "router:wrong"));

        assertThatThrownBy(() -> serde.serializer().serialize("model-capabilities", Samples.capability()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("HTTP 401");
    }

    @Test
    void credentialsInTheUrlAreUsedWhenTheSourceIsUrl() {
        String url = server.url().replace("http://", "http://router:pa55@");
        AvroSerde<ModelCapability> serde = serde(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, url));

        byte[] bytes = serde.serializer().serialize("model-capabilities", Samples.capability());

        assertThat(serde.deserializer().deserialize("model-capabilities", bytes))
                .isEqualTo(Samples.capability());
    }

    @Test
    void userInfoSourceWithoutUserInfoIsAConfigurationError() {
        assertThatThrownBy(() -> serde(Map.of(
                        AvroSerdeConfig.SCHEMA_REGISTRY_URL,
                        server.url(),
                        AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE,
                        "USER_INFO")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("basic.auth.user.info");
        assertThatThrownBy(() -> serde(Map.of(
                        AvroSerdeConfig.SCHEMA_REGISTRY_URL,
                        server.url(),
                        AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE,
                        "SASL_INHERIT")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("basic.auth.credentials.source");
    }

    private static AvroSerde<ModelCapability> serde(Map<String, ?> config) {
        AvroSerde<ModelCapability> serde = new AvroSerde<>(ModelCapability.class);
        serde.configure(config, false);
        return serde;
    }
}
