package org.aptituderouter.schemas.serde;

import java.util.HashMap;
import java.util.Map;
import org.aptituderouter.schemas.registry.SchemaRegistryServer;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** A fresh registry server per test and serde configurations pointing at it. */
final class RegistryFixture implements BeforeEachCallback, AfterEachCallback {

    private SchemaRegistryServer server;

    @Override
    public void beforeEach(ExtensionContext context) {
        server = new SchemaRegistryServer().start(0);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        server.close();
    }

    String url() {
        return server.url();
    }

    /** {@code schema.registry.url} plus the given key/value pairs. */
    Map<String, Object> config(Object... keyValues) {
        Map<String, Object> config = new HashMap<>();
        config.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, server.url());
        for (int i = 0; i < keyValues.length; i += 2) {
            config.put((String) keyValues[i], keyValues[i + 1]);
        }
        return config;
    }

    <T> AvroSerde<T> serde(Class<T> type, Object... keyValues) {
        AvroSerde<T> serde = new AvroSerde<>(type);
        serde.configure(config(keyValues), false);
        return serde;
    }
}
