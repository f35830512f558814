package org.aptituderouter.app;

import io.micronaut.configuration.kafka.config.KafkaDefaultConfiguration;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.runtime.EmbeddedApplication;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.aptituderouter.app.config.RouterConfigException;
import org.aptituderouter.app.embedded.EmbeddedCluster;

/**
 * The running router: the Micronaut context (HTTP server, Kafka Streams) and, in embedded mode, the in-process
 * broker and registry it talks to. Embedded mode is decided here, before the context exists, because every Kafka
 * client the context creates needs the bootstrap servers from the start.
 */
public final class RouterRuntime implements AutoCloseable {

    private static final String STATE_DIR = "kafka.streams.default.state.dir";
    private static final String GROUP_INSTANCE_ID = "kafka.streams.default.group.instance.id";
    private static final String STATIC_MEMBERSHIP = "router.static-membership";

    private final ApplicationContext context;
    private final EmbeddedCluster embedded;

    private RouterRuntime(ApplicationContext context, EmbeddedCluster embedded) {
        this.context = context;
        this.embedded = embedded;
    }

    /**
     * @param args       command-line arguments ({@code --key=value} overrides configuration)
     * @param properties configuration that takes precedence over application.yml (tests, the demo)
     */
    public static RouterRuntime start(String[] args, Map<String, Object> properties) {
        try (ConfigProbe config = new ConfigProbe(args, properties)) {
            boolean embeddedMode = config.get(EmbeddedCluster.EMBEDDED_PROPERTY).map(Boolean::parseBoolean)
                    .orElse(false);
            if (!embeddedMode && config.get("kafka.bootstrap.servers").isEmpty()) {
                // fail closed: a pod whose configuration did not load must not come up healthy on a private broker
                throw new RouterConfigException("kafka.bootstrap.servers is not set: set it (with "
                        + "kafka.schema.registry.url) to route on a cluster, or set router.embedded=true for an "
                        + "in-process broker and registry");
            }
            return start(args, properties, embeddedMode, config);
        }
    }

    /** Always on a fresh in-process broker and registry, whatever the configuration names (the demo). */
    public static RouterRuntime startEmbedded(String[] args, Map<String, Object> properties) {
        try (ConfigProbe config = new ConfigProbe(args, properties)) {
            return start(args, properties, true, config);
        }
    }

    private static RouterRuntime start(String[] args, Map<String, Object> properties, boolean embeddedMode,
                                       ConfigProbe config) {
        EmbeddedCluster embedded = null;
        Map<String, Object> effective = new HashMap<>(properties);
        if (embeddedMode) {
            embedded = EmbeddedCluster.start(config.get("kafka.schema.registry.url").orElse(null));
            effective.putAll(embedded.properties());
            if (config.get(STATE_DIR).isEmpty()) {
                // A fresh broker needs fresh local state: checkpoints left by an earlier embedded run describe topics
                // that no longer exist and would hide the zoo seeded into this one.
                effective.put(STATE_DIR, freshStateDir().toString());
            }
        }
        try {
            staticMembership(config, effective);
        } catch (RuntimeException e) {
            if (embedded != null) {
                embedded.close();
            }
            throw e;
        }
        ApplicationContext context = ApplicationContext.builder(RouterApplication.class)
                .args(args)
                .properties(effective)
                .build();
        try {
            context.start();
            context.findBean(EmbeddedApplication.class).ifPresent(EmbeddedApplication::start);
            return new RouterRuntime(context, embedded);
        } catch (RuntimeException e) {
            closeQuietly(context);
            if (embedded != null) {
                embedded.close();
            }
            throw e;
        }
    }

    /**
     * Static membership by default: unless a group.instance.id is configured (a pod name) or
     * router.static-membership=false, the identity kept in the state directory ({@link InstanceIdentity}).
     *
     * @param effective the properties the context will get: where a state directory chosen here (embedded mode) is,
     *                  when none is configured
     */
    private static void staticMembership(ConfigProbe config, Map<String, Object> effective) {
        boolean wanted = config.get(STATIC_MEMBERSHIP).map(Boolean::parseBoolean).orElse(true);
        if (!wanted || config.get(GROUP_INSTANCE_ID).isPresent()) {
            return;
        }
        Path stateDir = config.get(STATE_DIR)
                .or(() -> Optional.ofNullable(effective.get(STATE_DIR)).map(Object::toString))
                .map(Path::of)
                // Kafka Streams' own default
                .orElse(Path.of(System.getProperty("java.io.tmpdir"), "kafka-streams"));
        effective.put(GROUP_INSTANCE_ID, InstanceIdentity.of(stateDir));
    }

    private static Path freshStateDir() {
        try {
            return Files.createTempDirectory("aptitude-router-state");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a state directory for embedded mode: " + e.getMessage()
                    + " (set kafka.streams.default.state.dir to a writable directory)", e);
        }
    }

    /**
     * Settings as the application will see them, read before its context exists: one configuration environment for
     * every setting start-up needs, instead of one per setting.
     */
    private static final class ConfigProbe implements AutoCloseable {

        private final Environment environment;

        ConfigProbe(String[] args, Map<String, Object> properties) {
            this.environment = ApplicationContext.builder().args(args).properties(properties).build().getEnvironment()
                    .start();
        }

        Optional<String> get(String key) {
            return environment.getProperty(key, String.class).filter(value -> !value.isBlank());
        }

        @Override
        public void close() {
            environment.stop();
        }
    }

    public ApplicationContext context() {
        return context;
    }

    public Optional<EmbeddedCluster> embedded() {
        return Optional.ofNullable(embedded);
    }

    /** Kafka client settings the application uses (bootstrap servers, security, registry keys). */
    public Map<String, Object> clientConfig() {
        Map<String, Object> config = new HashMap<>();
        context.getBean(KafkaDefaultConfiguration.class).getConfig().forEach((k, v) -> config.put(k.toString(), v));
        return config;
    }

    /** The HTTP port actually bound (configuration may ask for a random one). */
    public int httpPort() {
        return context.findBean(EmbeddedServer.class).map(EmbeddedServer::getPort).orElse(-1);
    }

    @Override
    public void close() {
        closeQuietly(context);
        if (embedded != null) {
            embedded.close();
        }
    }

    private static void closeQuietly(ApplicationContext context) {
        if (context.isRunning()) {
            context.close();
        }
    }
}
