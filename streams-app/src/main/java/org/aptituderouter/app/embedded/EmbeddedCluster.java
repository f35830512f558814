package org.aptituderouter.app.embedded;

import java.util.LinkedHashMap;
import java.util.Map;
import org.aptituderouter.schemas.registry.SchemaRegistryServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the router needs from outside, in this JVM: a single-node KRaft broker and a schema registry.
 * Started before the application context when {@code kafka.bootstrap.servers} is not configured; its
 * {@link #properties()} then point the application at it.
 */
public final class EmbeddedCluster implements AutoCloseable {

    /** Set only by this launcher: tells the application to seed the bundled zoo into an empty capabilities topic. */
    /** Asks for embedded mode ({@code bin/router demo} and {@code bench} set it); never implied by a missing setting. */
    public static final String EMBEDDED_PROPERTY = "router.embedded";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedCluster.class);

    private final EmbeddedKafkaBroker broker;
    private final SchemaRegistryServer registry;

    private EmbeddedCluster(EmbeddedKafkaBroker broker, SchemaRegistryServer registry) {
        this.broker = broker;
        this.registry = registry;
    }

    /**
     * @param registryUrl a registry to use instead of an in-process one; null or blank starts one
     */
    public static EmbeddedCluster start(String registryUrl) {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start();
        SchemaRegistryServer registry = null;
        if (registryUrl == null || registryUrl.isBlank()) {
            registry = new SchemaRegistryServer().start(0);
            LOG.info("Embedded schema registry ready at {}", registry.url());
        }
        return new EmbeddedCluster(broker, registry);
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /** The registry URL this cluster serves, or null when an external registry was configured. */
    public String registryUrl() {
        return registry == null ? null : registry.url();
    }

    /** Configuration that points the application at this cluster. */
    public Map<String, Object> properties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("kafka.bootstrap.servers", bootstrapServers());
        if (registry != null) {
            properties.put("kafka.schema.registry.url", registry.url());
        }
        properties.put(EMBEDDED_PROPERTY, true);
        return properties;
    }

    @Override
    public void close() {
        if (registry != null) {
            registry.close();
        }
        broker.close();
    }
}
