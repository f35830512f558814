package org.aptituderouter.app.support;

import org.apache.kafka.common.utils.Exit;
import org.aptituderouter.local.EmbeddedKafkaBroker;
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
        // Kafka's server exits or halts the JVM on a fatal error, also while it shuts down in the hook below; in a
        // test JVM that turns a passed run into a failed fork. Tests see broker failures through their clients.
        Exit.setExitProcedure((code, message) -> System.err.println("broker asked to exit " + code + ": " + message));
        Exit.setHaltProcedure((code, message) -> System.err.println("broker asked to halt " + code + ": " + message));
        broker = EmbeddedKafkaBroker.start();
        registry = new SchemaRegistryServer().start(0);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            registry.close();
                            broker.close();
                        },
                        "shared-cluster-shutdown"));
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
