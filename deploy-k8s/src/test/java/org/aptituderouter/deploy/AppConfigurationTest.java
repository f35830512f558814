package org.aptituderouter.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The app configuration each overlay ships is made of keys the app reads (docs/module-contracts.md, the app's
 * {@code @ConfigurationProperties}, real Kafka config names) and agrees with the topics the overlay creates.
 */
class AppConfigurationTest {

    private static final AppContract CONTRACT = AppContract.read();
    private static final String STREAMS_PREFIX = "kafka.streams.default.";
    /** Keys the app's own application.yml declares, once it exists. */
    private static final Map<String, Object> APP_DEFAULTS =
            AppContract.appDefaults().orElse(Map.of());

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.aptituderouter.deploy.Overlays#all")
    void everyKeyIsOneTheAppReads(String overlay) {
        AppConfig config = AppConfig.of(Kustomize.overlay(overlay));
        assertThat(CONTRACT.keyPrefixes())
                .as("pass-through blocks of the contract")
                .contains(STREAMS_PREFIX);

        List<String> unknown = new ArrayList<>();
        for (String key : config.keys()) {
            if (!isReadByApp(key)) {
                unknown.add(key);
            }
        }
        assertThat(unknown)
                .as("keys set by %s that neither %s lists nor Kafka knows", overlay, AppContract.CONTRACT_DOC)
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.aptituderouter.deploy.Overlays#all")
    void everyRouterKeyIsBoundByTheStreamsApp(String overlay) {
        Map<String, String> sources = AppContract.configurationPropertiesSources();
        Assumptions.assumeFalse(
                sources.isEmpty(),
                "streams-app has no @ConfigurationProperties classes yet: only the contract doc is checked");

        Set<String> unbound = new TreeSet<>();
        for (String key : AppConfig.of(Kustomize.overlay(overlay)).keys()) {
            if (key.startsWith("router.") && !AppContract.isBound(key, sources)) {
                unbound.add(key);
            }
        }
        assertThat(unbound)
                .as(
                        "router.* keys of %s that no @ConfigurationProperties class of streams-app binds "
                                + "(prefixes found: %s)",
                        overlay, sources.keySet())
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.aptituderouter.deploy.Overlays#all")
    void kafkaTopicsAreTheTopicsTheAppIsConfiguredWith(String overlay) {
        RenderedManifests manifests = Kustomize.overlay(overlay);
        AppConfig config = AppConfig.of(manifests);
        String prefix = config.get("router.topics.prefix").orElse("");

        Set<String> configured = new TreeSet<>();
        for (String role : List.of("instructions", "capabilities", "decisions", "dead-letter")) {
            configured.add(prefix + config.require("router.topics." + role));
        }
        assertThat(manifests.custom("KafkaTopic"))
                .extracting(AppConfigurationTest::topicName)
                .containsExactlyInAnyOrderElementsOf(configured);
    }

    /**
     * The app creates a missing fixed topic itself at start (streams-app TopicProvisioner) with
     * router.topics.partitions and replication-factor, and the capabilities topic with one partition: the
     * KafkaTopics must say the same, or whichever comes first decides and Strimzi then fights the app.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.aptituderouter.deploy.Overlays#all")
    void kafkaTopicsAreSizedAsTheAppWouldCreateThem(String overlay) {
        RenderedManifests manifests = Kustomize.overlay(overlay);
        AppConfig config = AppConfig.of(manifests);
        String capabilities =
                config.get("router.topics.prefix").orElse("") + config.require("router.topics.capabilities");
        int partitions = config.requireInt("router.topics.partitions");
        int replicationFactor = config.requireInt("router.topics.replication-factor");

        for (GenericKubernetesResource topic : manifests.custom("KafkaTopic")) {
            int expectedPartitions = topicName(topic).equals(capabilities) ? 1 : partitions;
            assertThat(((Number) topic.get("spec", "partitions")).intValue())
                    .as("partitions of %s in %s", topicName(topic), overlay)
                    .isEqualTo(expectedPartitions);
            if (replicationFactor > 0) {
                assertThat(((Number) topic.get("spec", "replicas")).intValue())
                        .as("replicas of %s in %s", topicName(topic), overlay)
                        .isEqualTo(replicationFactor);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.aptituderouter.deploy.Overlays#all")
    void theCapabilitiesTopicIsCompacted(String overlay) {
        RenderedManifests manifests = Kustomize.overlay(overlay);
        AppConfig config = AppConfig.of(manifests);
        String capabilities =
                config.get("router.topics.prefix").orElse("") + config.require("router.topics.capabilities");

        GenericKubernetesResource topic = manifests.custom("KafkaTopic").stream()
                .filter(candidate -> capabilities.equals(topicName(candidate)))
                .findFirst()
                .orElseThrow();
        assertThat((String) topic.get("spec", "config", "cleanup.policy")).isEqualTo("compact");
        for (GenericKubernetesResource other : manifests.custom("KafkaTopic")) {
            if (other != topic) {
                assertThat((Object) other.get("spec", "config", "cleanup.policy"))
                        .as("cleanup.policy of %s", topicName(other))
                        .isNotEqualTo("compact");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.aptituderouter.deploy.Overlays#all")
    void topicsBelongToTheClusterTheAppConnectsTo(String overlay) {
        RenderedManifests manifests = Kustomize.overlay(overlay);
        String bootstrap = AppConfig.of(manifests).require("kafka.bootstrap.servers");

        for (GenericKubernetesResource topic : manifests.custom("KafkaTopic")) {
            String cluster = topic.getMetadata().getLabels().get("strimzi.io/cluster");
            assertThat(cluster).as("strimzi.io/cluster of %s", topicName(topic)).isNotBlank();
            // Strimzi names the bootstrap Service <cluster>-kafka-bootstrap.
            assertThat(bootstrap).startsWith(cluster + "-kafka-bootstrap:");
            assertThat(((Number) topic.get("spec", "replicas")).intValue())
                    .as("replicas of %s", topicName(topic))
                    .isGreaterThanOrEqualTo(((Number) topic.get("spec", "config", "min.insync.replicas")).intValue());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.aptituderouter.deploy.Overlays#all")
    void streamsRunExactlyOnceUnderTheContractsApplicationId(String overlay) {
        AppConfig config = AppConfig.of(Kustomize.overlay(overlay));

        assertThat(config.require(STREAMS_PREFIX + "application.id")).isEqualTo("aptitude-router");
        assertThat(config.require(STREAMS_PREFIX + "processing.guarantee")).isEqualTo("exactly_once_v2");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.aptituderouter.deploy.Overlays#all")
    void inferenceThreadsFitTheCpuLimit(String overlay) {
        RenderedManifests manifests = Kustomize.overlay(overlay);
        AppConfig config = AppConfig.of(manifests);
        int streamThreads = config.requireInt(STREAMS_PREFIX + "num.stream.threads");
        int intraOpThreads = config.requireInt("router.inference.intra-op-threads");
        double cpuLimit = manifests
                .routerContainer()
                .getResources()
                .getLimits()
                .get("cpu")
                .getNumericalAmount()
                .doubleValue();

        // ONNX Runtime would otherwise size its pool by the node's cores and oversubscribe the container.
        assertThat(intraOpThreads).isPositive();
        assertThat(streamThreads * intraOpThreads)
                .as("stream threads x intra-op threads in %s", overlay)
                .isLessThanOrEqualTo((int) Math.ceil(cpuLimit));
    }

    @Test
    void theAppsOwnHttpSettingsKeepTheProbedEndpoints() {
        Optional<Map<String, Object>> defaults = AppContract.appDefaults();
        Assumptions.assumeTrue(
                defaults.isPresent(),
                AppContract.APP_CONFIG + " does not exist yet: endpoints are checked against the contract doc only");
        Map<String, Object> app = defaults.get();
        String port = String.valueOf(CONTRACT.httpPort());

        for (String key : List.of("micronaut.server.port", "endpoints.all.port")) {
            if (app.containsKey(key)) {
                assertThat(placeholderDefault(String.valueOf(app.get(key))))
                        .as(key)
                        .isEqualTo(port);
            }
        }
        if (app.containsKey("endpoints.all.path")) {
            assertThat(String.valueOf(app.get("endpoints.all.path")))
                    .as("endpoints.all.path")
                    .isIn("/", "");
        }
        for (String endpoint : List.of("health", "prometheus")) {
            assertThat(String.valueOf(app.getOrDefault("endpoints." + endpoint + ".enabled", "true")))
                    .as("endpoints.%s.enabled", endpoint)
                    .isNotEqualTo("false");
            assertThat(String.valueOf(app.getOrDefault("endpoints." + endpoint + ".sensitive", "false")))
                    .as("endpoints.%s.sensitive (the kubelet and Prometheus do not authenticate)", endpoint)
                    .isNotEqualTo("true");
        }
    }

    private static boolean isReadByApp(String key) {
        if (CONTRACT.keys().contains(key) || APP_DEFAULTS.containsKey(key)) {
            return true;
        }
        if (key.startsWith(STREAMS_PREFIX)) {
            return KafkaConfigNames.isStreamsConfig(key.substring(STREAMS_PREFIX.length()));
        }
        // micronaut-kafka hands every other kafka.* setting to every client it builds.
        return key.startsWith("kafka.")
                && !key.startsWith("kafka.streams.")
                && KafkaConfigNames.isCommonClientConfig(key.substring("kafka.".length()));
    }

    /** "${PORT:8080}" -> "8080"; a plain value is returned as is. */
    private static String placeholderDefault(String value) {
        if (value.startsWith("${") && value.endsWith("}") && value.contains(":")) {
            return value.substring(value.indexOf(':') + 1, value.length() - 1);
        }
        return value;
    }

    static String topicName(GenericKubernetesResource topic) {
        Object name = topic.get("spec", "topicName");
        return name != null ? name.toString() : topic.getMetadata().getName();
    }
}
