package org.aptituderouter.loadtest.testing;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.aptituderouter.local.EmbeddedKafkaBroker;
import org.aptituderouter.schemas.registry.SchemaRegistryServer;
import org.aptituderouter.schemas.serde.AvroSerde;
import org.aptituderouter.schemas.serde.AvroSerdeConfig;

/**
 * A real single-node KRaft broker (Kafka's KafkaClusterTestKit, as the app's embedded mode starts it) and the
 * project's schema registry, in this JVM.
 */
public final class TestCluster implements AutoCloseable {

    private final EmbeddedKafkaBroker broker;
    private final SchemaRegistryServer registry;

    private TestCluster(EmbeddedKafkaBroker broker, SchemaRegistryServer registry) {
        this.broker = broker;
        this.registry = registry;
    }

    public static TestCluster start() {
        return new TestCluster(EmbeddedKafkaBroker.start(), new SchemaRegistryServer().start(0));
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    public String registryUrl() {
        return registry.url();
    }

    /** What every client needs: the broker and the registry. */
    public Map<String, Object> clientConfig() {
        return Map.of(
                CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers(),
                AvroSerdeConfig.SCHEMA_REGISTRY_URL,
                registryUrl());
    }

    public <T> AvroSerde<T> serde(Class<T> type) {
        AvroSerde<T> serde = new AvroSerde<>(type);
        serde.configure(clientConfig(), false);
        return serde;
    }

    public void createTopics(List<NewTopic> topics) throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(clientConfig())) {
            admin.createTopics(topics).all().get();
        }
    }

    @Override
    public void close() {
        registry.close();
        broker.close();
    }
}
