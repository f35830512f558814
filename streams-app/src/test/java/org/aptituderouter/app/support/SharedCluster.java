package org.aptituderouter.app.support;

import org.aptituderouter.app.embedded.EmbeddedKafkaBroker;
import org.aptituderouter.schemas.registry.SchemaRegistryServer;

/**
 * One in-process KRaft broker and one schema registry (over HTTP) for every integration test in this JVM: starting
 * them takes seconds, and tests keep apart by topic prefix and application id. Closed when the JVM exits.
 */
public final class SharedCluster {

    private static SharedCluster instance;

    private final EmbeddedKafkaBroker broker;
    private final SchemaRegistryServer registry;

    private SharedCluster() {
        broker = EmbeddedKafkaBroker.start();
        registry = new SchemaRegistryServer().start(0);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            registry.close();
            broker.close();
        }, "shared-cluster-shutdown"));
    }

    public static synchronized SharedCluster get() {
        if (instance == null) {
            instance = new SharedCluster();
        }
        return instance;
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    public String registryUrl() {
        return registry.url();
    }
}
