package org.aptituderouter.loadtest.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * Kafka's own server ({@code kafka.Kafka}) in a process of its own: one KRaft node, broker and controller combined,
 * its log directory under the chaos run's work folder, formatted once and kept across restarts, on ports chosen once.
 */
final class BrokerProcess implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static final List<String> JVM_OPTIONS = List.of("-Xmx768m", "-XX:+UseG1GC");

    private final Path dir;
    private final int port = FreePorts.next();
    private final int controllerPort = FreePorts.next();
    private final ChildJvm jvm;

    private BrokerProcess(Path dir) {
        this.dir = dir;
        this.jvm = new ChildJvm(
                "broker",
                JVM_OPTIONS,
                "kafka.Kafka",
                List.of(dir.resolve("server.properties").toString()),
                dir.resolve("broker.log"));
    }

    /** Writes the configuration, formats the log directory and starts the broker; returns once it answers. */
    static BrokerProcess start(Path dir) {
        BrokerProcess broker = new BrokerProcess(dir);
        broker.configureAndFormat();
        broker.startAndAwait();
        return broker;
    }

    String bootstrapServers() {
        return "localhost:" + port;
    }

    /** Stops the broker as an operator restarting it would (SIGTERM, controlled shutdown), then starts it again. */
    void restart() {
        jvm.stop(Duration.ofSeconds(60));
        startAndAwait();
    }

    boolean alive() {
        return jvm.alive();
    }

    private void configureAndFormat() {
        try {
            Files.createDirectories(dir);
            Files.writeString(
                    dir.resolve("server.properties"),
                    String.join(
                            "\n",
                            "process.roles=broker,controller",
                            "node.id=1",
                            "controller.quorum.voters=1@localhost:" + controllerPort,
                            "listeners=PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort,
                            "advertised.listeners=PLAINTEXT://localhost:" + port,
                            "controller.listener.names=CONTROLLER",
                            "inter.broker.listener.name=PLAINTEXT",
                            "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                            "log.dirs=" + dir.resolve("data").toAbsolutePath(),
                            "offsets.topic.replication.factor=1",
                            "offsets.topic.num.partitions=1",
                            "transaction.state.log.replication.factor=1",
                            "transaction.state.log.min.isr=1",
                            "transaction.state.log.num.partitions=1",
                            "group.initial.rebalance.delay.ms=0",
                            "auto.create.topics.enable=false",
                            ""));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the broker's configuration under " + dir, e);
        }
        ChildJvm format = new ChildJvm(
                "broker-format",
                JVM_OPTIONS,
                "kafka.tools.StorageTool",
                List.of(
                        "format",
                        "-t",
                        Uuid.randomUuid().toString(),
                        "-c",
                        dir.resolve("server.properties").toString()),
                dir.resolve("format.log"));
        format.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (format.alive() && System.nanoTime() < deadline) {
            Sleep.millis(100);
        }
        if (format.alive() || format.exitCode() != 0) {
            format.kill();
            throw new IllegalStateException("formatting the broker's log directory failed; see " + format.log());
        }
    }

    private void startAndAwait() {
        jvm.start();
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                5000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                5000))) {
            jvm.awaitReady(() -> answers(admin), READY_TIMEOUT);
        }
    }

    private static boolean answers(Admin admin) {
        try {
            return !admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty();
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the broker", e);
        }
    }

    @Override
    public void close() {
        jvm.stop(Duration.ofSeconds(30));
    }
}
