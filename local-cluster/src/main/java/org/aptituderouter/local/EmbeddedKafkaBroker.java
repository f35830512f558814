package org.aptituderouter.local;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node KRaft broker (broker and controller combined) in this JVM, for development, the demo and tests.
 * It comes from Kafka's own test kit, which formats a fresh log directory under the temp dir, binds a free port and
 * starts in about two seconds. Everything is sized for one node: internal topics with one replica, so transactions
 * (exactly_once_v2) work.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

    private final KafkaClusterTestKit cluster;

    private EmbeddedKafkaBroker(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    public static EmbeddedKafkaBroker start() {
        long started = System.nanoTime();
        KafkaClusterTestKit cluster;
        try {
            cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                            .setCombined(true)
                            .setNumBrokerNodes(1)
                            .setNumControllerNodes(1)
                            .build())
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("offsets.topic.num.partitions", "1")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("transaction.state.log.num.partitions", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    // topics exist only when the router creates them, as they must on a real cluster
                    .setConfigProp("auto.create.topics.enable", "false")
                    .setDeleteOnClose(true)
                    .build();
        } catch (Exception e) {
            throw new IllegalStateException("cannot set up the embedded Kafka broker: " + e.getMessage(), e);
        }
        try {
            formatQuietly(cluster);
            cluster.startup();
            cluster.waitForReadyBrokers();
            LOG.info(
                    "Embedded Kafka broker (KRaft, single node) ready at {} in {} ms",
                    cluster.bootstrapServers(),
                    (System.nanoTime() - started) / 1_000_000);
            return new EmbeddedKafkaBroker(cluster);
        } catch (Exception e) {
            IllegalStateException failure =
                    new IllegalStateException("cannot start the embedded Kafka broker: " + e.getMessage(), e);
            try {
                cluster.close(); // its threads and log directories
            } catch (Exception closing) {
                failure.addSuppressed(closing);
            }
            throw failure;
        }
    }

    /**
     * Kafka's storage formatter prints a line to {@code System.out} per log directory and the test kit offers no way
     * to hand it another stream: while it runs, standard output goes to the log instead of the command's console.
     */
    private static void formatQuietly(KafkaClusterTestKit cluster) throws Exception {
        PrintStream console = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            cluster.format();
        } finally {
            System.setOut(console);
        }
        String lines = printed.toString(StandardCharsets.UTF_8).trim();
        if (!lines.isEmpty()) {
            LOG.info("{}", lines);
        }
    }

    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    @Override
    public void close() {
        try {
            cluster.close();
        } catch (Exception e) {
            LOG.warn("Embedded Kafka broker did not close cleanly: {}", e.toString());
        }
    }
}
