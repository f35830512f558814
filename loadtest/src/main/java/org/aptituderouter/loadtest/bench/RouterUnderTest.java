package org.aptituderouter.loadtest.bench;

import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.aptituderouter.app.RouterRuntime;
import org.aptituderouter.app.capability.LiveCapabilities;
import org.aptituderouter.app.config.BatchProperties;
import org.aptituderouter.app.config.InferenceProperties;
import org.aptituderouter.app.config.TopicsProperties;
import org.aptituderouter.app.topics.RouterTopics;
import org.aptituderouter.core.Router;
import org.aptituderouter.core.capability.CapabilitySet;

/**
 * The streams application, started in this JVM as {@code bin/router serve} would start it: against the broker
 * named by {@code kafka.bootstrap.servers}, or an in-process broker and registry when that is unset. The
 * benchmark takes topic names, serdes, client settings and the router itself from the running application, so it
 * measures exactly the configuration the application runs with.
 */
public final class RouterUnderTest implements AutoCloseable {

    private final RouterRuntime runtime;
    private final ApplicationContext context;
    private final Path stateDir;

    private RouterUnderTest(RouterRuntime runtime, Path stateDir) {
        this.runtime = runtime;
        this.context = runtime.context();
        this.stateDir = stateDir;
    }

    /**
     * Starts the application and waits until it routes: streams RUNNING and at least one routable model. It gets
     * a random HTTP port and a state directory of its own (deleted on close), so it collides with no other router
     * on this machine.
     *
     * @param properties configuration over application.yml
     */
    public static RouterUnderTest start(Map<String, Object> properties, Duration readyTimeout)
            throws InterruptedException {
        Path stateDir = createStateDir();
        Map<String, Object> isolated = new HashMap<>();
        isolated.put("micronaut.server.port", -1);
        isolated.put("kafka.streams.default.state.dir", stateDir.toString());
        isolated.putAll(properties);
        RouterRuntime runtime;
        try {
            runtime = RouterRuntime.start(new String[0], isolated);
        } catch (RuntimeException e) {
            delete(stateDir);
            throw e;
        }
        RouterUnderTest app = new RouterUnderTest(runtime, stateDir);
        try {
            runtime.awaitRouting(readyTimeout);
            return app;
        } catch (RuntimeException | InterruptedException e) {
            app.close();
            throw e;
        }
    }

    private static Path createStateDir() {
        try {
            return Files.createTempDirectory("aptitude-router-under-test");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a state directory for the router under test", e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a leftover directory under the temp dir harms nothing
        }
    }

    /** Bootstrap servers, security and schema registry keys, as the application's own clients have them. */
    public Map<String, Object> clientConfig() {
        return runtime.clientConfig();
    }

    public RouterTopics topics() {
        return context.getBean(RouterTopics.class);
    }

    /** What every model topic's name starts with. */
    public String routedTopicPrefix() {
        TopicsProperties topics = context.getBean(TopicsProperties.class);
        return topics.getPrefix() + topics.getRoutedPrefix();
    }

    /** The application's router: same encoder variant, scorer head and threads as the stream threads use. */
    public Router router() {
        return context.getBean(Router.class);
    }

    /** The capability set the application routes against now. */
    public CapabilitySet zoo() {
        return context.getBean(LiveCapabilities.class).current();
    }

    public BatchProperties batch() {
        return context.getBean(BatchProperties.class);
    }

    public InferenceProperties inference() {
        return context.getBean(InferenceProperties.class);
    }

    /** Stream threads, each of which routes one batch at a time. */
    public int streamThreads() {
        return context.getProperty("kafka.streams.default.num.stream.threads", Integer.class)
                .orElse(1);
    }

    /** Partitions of the instructions topic: at most this many tasks, and stream threads, can share the work. */
    public int partitions() {
        return context.getBean(TopicsProperties.class).getPartitions();
    }

    /** True when the application started its own in-process broker and registry. */
    public boolean embedded() {
        return runtime.embedded();
    }

    @Override
    public void close() {
        try {
            runtime.close();
        } finally {
            delete(stateDir);
        }
    }
}
