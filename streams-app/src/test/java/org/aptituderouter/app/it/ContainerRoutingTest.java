package org.aptituderouter.app.it;

import org.aptituderouter.schemas.registry.SchemaRegistryServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.condition.EnabledIf;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The same end-to-end scenarios against a Kafka broker in a container, as a production-like check where Docker
 * exists. Without Docker the class is skipped with that reason; {@link InProcessRoutingTest} covers the scenarios.
 */
// the condition with the explanation comes first, so its reason is the one reported
@EnabledIf(
        value = "dockerAvailable",
        disabledReason = "Docker is not available: the Testcontainers variant is skipped; the same scenarios run on "
                + "the in-process KRaft broker in InProcessRoutingTest")
@Testcontainers(disabledWithoutDocker = true)
class ContainerRoutingTest extends RoutingScenarios {

    @Container
    private static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.1");

    private static final SchemaRegistryServer REGISTRY = new SchemaRegistryServer();
    /** Started on first use: the class may be loaded only to be skipped. */
    private static String registryUrl;

    static boolean dockerAvailable() {
        return DockerClientFactory.instance().isDockerAvailable();
    }

    @Override
    protected String bootstrapServers() {
        return KAFKA.getBootstrapServers();
    }

    @Override
    protected String registryUrl() {
        if (registryUrl == null) {
            registryUrl = REGISTRY.start(0).url();
        }
        return registryUrl;
    }

    @AfterAll
    static void stopRegistry() {
        REGISTRY.close();
    }
}
