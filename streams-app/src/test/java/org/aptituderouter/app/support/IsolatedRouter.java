package org.aptituderouter.app.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.aptituderouter.app.RouterRuntime;

/**
 * How a test starts the real application against a cluster: its own topic prefix, application id and state
 * directory, so tests sharing a broker never see each other's records or state.
 */
public final class IsolatedRouter {

    private final String bootstrapServers;
    private final String registryUrl;
    private final String prefix;
    private final Map<String, Object> properties = new HashMap<>();

    public IsolatedRouter(String bootstrapServers, String registryUrl, String name) {
        this.bootstrapServers = bootstrapServers;
        this.registryUrl = registryUrl;
        this.prefix = name + "-" + UUID.randomUUID().toString().substring(0, 8) + ".";
        properties.put("kafka.bootstrap.servers", bootstrapServers);
        properties.put("kafka.schema.registry.url", registryUrl);
        properties.put("router.topics.prefix", prefix);
        properties.put("router.topics.partitions", 2);
        properties.put("kafka.streams.default.application.id", prefix + "router");
        properties.put("kafka.streams.default.state.dir", newStateDir().toString());
    }

    /** Adds or replaces a setting for the next {@link #start}. */
    public IsolatedRouter with(String key, Object value) {
        properties.put(key, value);
        return this;
    }

    /** A fresh local state directory: the next start must restore its stores from their changelogs. */
    public IsolatedRouter withFreshStateDir() {
        return with("kafka.streams.default.state.dir", newStateDir().toString());
    }

    public RouterRuntime start() {
        return RouterRuntime.start(new String[0], Map.copyOf(properties));
    }

    public String prefix() {
        return prefix;
    }

    /** Client settings for the test's own producers and consumers. */
    public Map<String, Object> clientConfig() {
        return Map.of("bootstrap.servers", bootstrapServers, "schema.registry.url", registryUrl);
    }

    private static Path newStateDir() {
        try {
            return Files.createTempDirectory("router-test-state");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
