package org.aptituderouter.app.embedded;

import java.util.Map;
import org.aptituderouter.app.config.RouterConfigException;

/**
 * Embedded mode ({@code router.embedded=true}; {@code bin/router demo} and {@code bench} set it, it is never implied
 * by a missing setting): the router starts an in-process broker and schema registry from the {@code local-cluster}
 * module before its application context. That module is a development tool: {@code bin/router} puts it on the class
 * path, the container image leaves it out, and there embedded mode stops start-up with a message saying so.
 */
public final class EmbeddedMode {

    public static final String PROPERTY = "router.embedded";

    private EmbeddedMode() {}

    /** A running in-process cluster and the settings that point the application at it. */
    public record Started(Map<String, Object> properties, AutoCloseable cluster) implements AutoCloseable {

        @Override
        public void close() {
            try {
                cluster.close();
            } catch (Exception e) {
                throw new IllegalStateException("cannot stop the in-process cluster: " + e.getMessage(), e);
            }
        }
    }

    /**
     * @param registryUrl a registry to use instead of an in-process one; null or blank starts one
     * @throws RouterConfigException when the local-cluster module is not on the class path
     */
    public static Started start(String registryUrl) {
        try {
            return LocalClusterStarter.start(registryUrl);
        } catch (NoClassDefFoundError e) {
            throw new RouterConfigException(
                    PROPERTY + "=true needs the local-cluster module (an in-process Kafka broker "
                            + "and schema registry) on the class path: bin/router serve and demo have it, the container image "
                            + "leaves it out. Set kafka.bootstrap.servers and kafka.schema.registry.url instead ("
                            + e.getMessage() + " is missing)");
        }
    }
}
