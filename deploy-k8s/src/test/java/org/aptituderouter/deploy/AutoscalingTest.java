package org.aptituderouter.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** KEDA scales the StatefulSet on the lag of "instructions" within its partitions; Prometheus scrapes /prometheus. */
class AutoscalingTest {

    private static final AppContract CONTRACT = AppContract.read();

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.aptituderouter.deploy.Overlays#production")
    void kedaScalesTheStatefulSetOnTheLagOfTheAppsGroup(String overlay) {
        RenderedManifests manifests = Kustomize.overlay(overlay);
        AppConfig config = AppConfig.of(manifests);
        GenericKubernetesResource scaledObject = scaledObject(manifests);

        assertThat(scaledObject.getApiVersion()).isEqualTo("keda.sh/v1alpha1");
        assertThat((String) scaledObject.get("spec", "scaleTargetRef", "kind")).isEqualTo("StatefulSet");
        assertThat((String) scaledObject.get("spec", "scaleTargetRef", "name"))
                .isEqualTo(manifests.statefulSet().getMetadata().getName());

        Map<String, Object> trigger = kafkaTrigger(scaledObject);
        @SuppressWarnings("unchecked")
        Map<String, Object> metadata = (Map<String, Object>) trigger.get("metadata");
        assertThat(metadata.get("consumerGroup")).isEqualTo(config.require("kafka.streams.default.application.id"));
        assertThat(metadata.get("topic")).isEqualTo(instructionsTopic(config));
        assertThat(metadata.get("bootstrapServers")).isEqualTo(config.require("kafka.bootstrap.servers"));
        // The scaler authenticates the way the app does.
        boolean appUsesSasl = config.require("kafka.security.protocol").startsWith("SASL_");
        assertThat(metadata.containsKey("sasl")).isEqualTo(appUsesSasl);
        assertThat("enable".equals(metadata.get("tls")))
                .isEqualTo(config.require("kafka.security.protocol").endsWith("SSL"));
        @SuppressWarnings("unchecked")
        Map<String, Object> authenticationRef = (Map<String, Object>) trigger.get("authenticationRef");
        assertThat(manifests.findCustom("TriggerAuthentication", (String) authenticationRef.get("name")))
                .isPresent();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.aptituderouter.deploy.Overlays#production")
    void replicasStayWithinThePartitionsOfInstructions(String overlay) {
        RenderedManifests manifests = Kustomize.overlay(overlay);
        AppConfig config = AppConfig.of(manifests);
        GenericKubernetesResource scaledObject = scaledObject(manifests);
        int min = ((Number) scaledObject.get("spec", "minReplicaCount")).intValue();
        int max = ((Number) scaledObject.get("spec", "maxReplicaCount")).intValue();
        int partitions = partitions(manifests, instructionsTopic(config));
        int streamThreads = config.requireInt("kafka.streams.default.num.stream.threads");

        assertThat(min).isBetween(1, max);
        assertThat(max).as("maxReplicaCount vs partitions of instructions").isLessThanOrEqualTo(partitions);
        // One Kafka Streams task per partition: stream threads beyond the partition count would sit idle.
        assertThat(max * streamThreads)
                .as("maxReplicaCount x num.stream.threads")
                .isLessThanOrEqualTo(partitions);
        // KEDA owns the replica count; a fixed one in the StatefulSet would be reset on every apply.
        assertThat(manifests.statefulSet().getSpec().getReplicas()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.aptituderouter.deploy.Overlays#production")
    void prometheusScrapesTheMetricsEndpoint(String overlay) {
        RenderedManifests manifests = Kustomize.overlay(overlay);
        List<GenericKubernetesResource> monitors = manifests.custom("ServiceMonitor");
        assertThat(monitors).hasSize(1);
        GenericKubernetesResource monitor = monitors.get(0);

        assertThat(monitor.getApiVersion()).isEqualTo("monitoring.coreos.com/v1");
        @SuppressWarnings("unchecked")
        Map<String, String> selector = (Map<String, String>) monitor.get("spec", "selector", "matchLabels");
        List<Service> selected = manifests.ofType(Service.class).stream()
                .filter(service -> service.getMetadata().getLabels().entrySet().containsAll(selector.entrySet()))
                .toList();
        assertThat(selected)
                .extracting(service -> service.getMetadata().getName())
                .containsExactly(Overlays.METRICS_SERVICE);

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> endpoints = (List<Map<String, Object>>) monitor.get("spec", "endpoints");
        assertThat(endpoints).hasSize(1);
        assertThat(endpoints.get(0).get("path")).isEqualTo("/prometheus");
        assertThat(CONTRACT.endpoints()).contains("/prometheus");
        assertThat(selected.get(0).getSpec().getPorts())
                .extracting(ServicePort::getName)
                .contains((String) endpoints.get(0).get("port"));
    }

    private static GenericKubernetesResource scaledObject(RenderedManifests manifests) {
        List<GenericKubernetesResource> found = manifests.custom("ScaledObject");
        assertThat(found).as("ScaledObjects in %s", manifests).hasSize(1);
        return found.get(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> kafkaTrigger(GenericKubernetesResource scaledObject) {
        List<Map<String, Object>> triggers = (List<Map<String, Object>>) scaledObject.get("spec", "triggers");
        assertThat(triggers).hasSize(1);
        assertThat(triggers.get(0).get("type")).isEqualTo("kafka");
        return triggers.get(0);
    }

    private static String instructionsTopic(AppConfig config) {
        return config.get("router.topics.prefix").orElse("") + config.require("router.topics.instructions");
    }

    private static int partitions(RenderedManifests manifests, String topic) {
        return manifests.custom("KafkaTopic").stream()
                .filter(candidate -> topic.equals(AppConfigurationTest.topicName(candidate)))
                .map(candidate -> ((Number) candidate.get("spec", "partitions")).intValue())
                .findFirst()
                .orElseThrow(() -> new AssertionError(manifests + " creates no KafkaTopic " + topic));
    }
}
