package org.aptituderouter.app;

import io.micronaut.configuration.kafka.config.KafkaDefaultConfiguration;
import io.micronaut.configuration.kafka.streams.KafkaStreamsFactory;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.context.env.PropertySource;
import io.micronaut.runtime.EmbeddedApplication;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;
import org.aptituderouter.app.capability.LiveCapabilities;
import org.aptituderouter.app.config.RouterConfigException;
import org.aptituderouter.app.embedded.EmbeddedMode;
import org.aptituderouter.core.bundle.RouterBundle;

/**
 * The running router: the Micronaut context (HTTP server, Kafka Streams) and, in embedded mode, the in-process
 * broker and registry it talks to. Embedded mode is decided here, before the context starts (from its environment),
 * because every Kafka client the context creates needs the bootstrap servers from the start.
 */
public final class RouterRuntime implements AutoCloseable {

    private static final String STATE_DIR = "kafka.streams.default.state.dir";
    private static final String GROUP_INSTANCE_ID = "kafka.streams.default.group.instance.id";
    private static final String STATIC_MEMBERSHIP = "router.static-membership";
    private static final Duration READY_POLL = Duration.ofMillis(100);
    /** Above every configured source (files, environment, system properties, arguments): start-up's decisions win. */
    private static final int DECIDED_ORDER = Integer.MAX_VALUE - 1;

    private final ApplicationContext context;
    private final EmbeddedMode.Started embedded;

    private RouterRuntime(ApplicationContext context, EmbeddedMode.Started embedded) {
        this.context = context;
        this.embedded = embedded;
    }

    /**
     * @param args       command-line arguments ({@code --key=value} overrides configuration)
     * @param properties configuration that takes precedence over application.yml (tests, the demo)
     */
    public static RouterRuntime start(String[] args, Map<String, Object> properties) {
        return start(args, properties, false);
    }

    /** Always on a fresh in-process broker and registry, whatever the configuration names (the demo). */
    public static RouterRuntime startEmbedded(String[] args, Map<String, Object> properties) {
        return start(args, properties, true);
    }

    /**
     * Builds the one application context and reads the settings start-up needs from its environment before the
     * context starts; what start-up decides (the embedded cluster's addresses, a state directory, the static
     * member id) joins that same environment as a property source of its own.
     */
    private static RouterRuntime start(String[] args, Map<String, Object> properties, boolean alwaysEmbedded) {
        ApplicationContext context = ApplicationContext.builder(RouterApplication.class)
                .args(args)
                .properties(properties)
                .build();
        Environment environment = context.getEnvironment().start();
        boolean embeddedMode = alwaysEmbedded
                || setting(environment, EmbeddedMode.PROPERTY)
                        .map(Boolean::parseBoolean)
                        .orElse(false);
        EmbeddedMode.Started embedded = null;
        Map<String, Object> decided = new HashMap<>();
        try {
            if (!embeddedMode && setting(environment, "kafka.bootstrap.servers").isEmpty()) {
                // fail closed: a pod whose configuration did not load must not come up healthy on a private broker
                throw new RouterConfigException("kafka.bootstrap.servers is not set: set it (with "
                        + "kafka.schema.registry.url) to route on a cluster, or set router.embedded=true for an "
                        + "in-process broker and registry");
            }
            if (embeddedMode) {
                embedded = EmbeddedMode.start(
                        setting(environment, "kafka.schema.registry.url").orElse(null));
                decided.putAll(embedded.properties());
                decided.put(EmbeddedMode.PROPERTY, true);
                if (setting(environment, STATE_DIR).isEmpty()) {
                    // A fresh broker needs fresh local state: checkpoints left by an earlier embedded run describe
                    // topics that no longer exist and would hide the zoo seeded into this one.
                    decided.put(STATE_DIR, freshStateDir().toString());
                }
            }
            staticMembership(environment, decided);
            environment.addPropertySource(PropertySource.of("router-runtime", decided, DECIDED_ORDER));
            context.start();
            context.findBean(EmbeddedApplication.class).ifPresent(EmbeddedApplication::start);
            return new RouterRuntime(context, embedded);
        } catch (RuntimeException e) {
            closeQuietly(context);
            environment.stop();
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
     * @param decided what start-up has decided so far: where a state directory chosen here (embedded mode) is, when
     *                none is configured
     */
    private static void staticMembership(Environment environment, Map<String, Object> decided) {
        boolean wanted = setting(environment, STATIC_MEMBERSHIP)
                .map(Boolean::parseBoolean)
                .orElse(true);
        if (!wanted || setting(environment, GROUP_INSTANCE_ID).isPresent()) {
            return;
        }
        Path stateDir = Optional.ofNullable(decided.get(STATE_DIR))
                .map(Object::toString)
                .or(() -> setting(environment, STATE_DIR))
                .map(Path::of)
                // Kafka Streams' own default
                .orElse(Path.of(System.getProperty("java.io.tmpdir"), "kafka-streams"));
        decided.put(GROUP_INSTANCE_ID, InstanceIdentity.of(stateDir));
    }

    private static Optional<String> setting(Environment environment, String key) {
        return environment.getProperty(key, String.class).filter(value -> !value.isBlank());
    }

    private static Path freshStateDir() {
        try {
            return Files.createTempDirectory("aptitude-router-state");
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot create a state directory for embedded mode: " + e.getMessage()
                            + " (set kafka.streams.default.state.dir to a writable directory)",
                    e);
        }
    }

    public ApplicationContext context() {
        return context;
    }

    /** True when this router started its own in-process broker and registry. */
    public boolean embedded() {
        return embedded != null;
    }

    /** Kafka client settings the application uses (bootstrap servers, security, registry keys). */
    public Map<String, Object> clientConfig() {
        Map<String, Object> config = new HashMap<>();
        context.getBean(KafkaDefaultConfiguration.class).getConfig().forEach((k, v) -> config.put(k.toString(), v));
        return config;
    }

    /**
     * Waits until the router routes: every Kafka Streams instance RUNNING and at least one routable model (in embedded
     * mode, every model of the zoo it seeded).
     *
     * @throws IllegalStateException naming the streams' states and the zoo, when that does not happen in time
     */
    public void awaitRouting(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        // embedded mode seeds the bundle's whole zoo: wait for all of it, not the first record
        int models =
                embedded == null ? 1 : context.getBean(RouterBundle.class).zoo().size();
        while (!routing(models)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the router was not routing within " + timeout.toSeconds()
                        + " s (streams "
                        + streams().keySet().stream().map(s -> s.state().name()).toList() + ", "
                        + context.getBean(LiveCapabilities.class).current() + ")");
            }
            Thread.sleep(READY_POLL.toMillis());
        }
    }

    private boolean routing(int models) {
        Map<KafkaStreams, ?> streams = streams();
        return !streams.isEmpty()
                && streams.keySet().stream().allMatch(s -> s.state() == KafkaStreams.State.RUNNING)
                && context.getBean(LiveCapabilities.class).current().routable().size() >= models;
    }

    private Map<KafkaStreams, ?> streams() {
        return context.getBean(KafkaStreamsFactory.class).getStreams();
    }

    /** The HTTP port actually bound (configuration may ask for a random one). */
    public int httpPort() {
        return context.findBean(EmbeddedServer.class)
                .map(EmbeddedServer::getPort)
                .orElse(-1);
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
