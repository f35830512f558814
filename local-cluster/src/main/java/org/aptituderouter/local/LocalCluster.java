package org.aptituderouter.local;

import java.util.LinkedHashMap;
import java.util.Map;
import org.aptituderouter.schemas.registry.SchemaRegistryServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the router needs from outside, in this JVM: a single-node KRaft broker and a schema registry. The
 * router starts one before its application context in embedded mode ({@code router.embedded=true}); its
 * {@link #properties()} then point the application at it.
 */
public final class LocalCluster implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalCluster.class);

    private final EmbeddedKafkaBroker broker;
    private final SchemaRegistryServer registry;

    private LocalCluster(EmbeddedKafkaBroker broker, SchemaRegistryServer registry) {
        this.broker = broker;
        this.registry = registry;
    }

    /**
     * @param registryUrl a registry to use instead of an in-process one; null or blank starts one
     */
    public static LocalCluster start(String registryUrl) {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start();
        SchemaRegistryServer registry = null;
        if (registryUrl == null || registryUrl.isBlank()) {
            try {
                registry = new SchemaRegistryServer().start(0);
            } catch (RuntimeException e) {
                broker.close();
                throw e;
            }
            LOG.info("Embedded schema registry ready at {}", registry.url());
        }
        return new LocalCluster(broker, registry);
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /** The registry URL this cluster serves, or null when an external registry was configured. */
    public String registryUrl() {
        return registry == null ? null : registry.url();
    }

    /** Configuration that points the application at this cluster: bootstrap servers and, if served here, the registry. */
    public Map<String, Object> properties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("kafka.bootstrap.servers", bootstrapServers());
        if (registry != null) {
            properties.put("kafka.schema.registry.url", registry.url());
        }
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
