package org.aptituderouter.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.Volume;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What each overlay changes: GPU scheduling and CUDA, the dev install's size and plaintext Kafka. */
class OverlayDifferencesTest {

    @Test
    void gpuOverlayAsksForOneGpuAndSwitchesCudaOn() {
        RenderedManifests gpu = Kustomize.overlay("gpu");
        Container router = gpu.routerContainer();
        PodSpec pod = gpu.statefulSet().getSpec().getTemplate().getSpec();
        AppConfig config = AppConfig.of(gpu);

        assertThat(router.getResources().getLimits()).containsEntry(Overlays.GPU_RESOURCE, new Quantity("1"));
        assertThat(pod.getTolerations())
                .extracting(Toleration::getKey, Toleration::getEffect)
                .contains(org.assertj.core.groups.Tuple.tuple(Overlays.GPU_RESOURCE, "NoSchedule"));
        assertThat(pod.getNodeSelector()).containsEntry("nvidia.com/gpu.present", "true");
        assertThat(config.require("router.inference.execution-provider")).isEqualToIgnoringCase("cuda");
        // On a GPU node a silent fall back to the CPU would hide a broken driver behind slow routing.
        assertThat(config.get("router.inference.allow-cpu-fallback")).hasValue("false");
        assertThat(router.getImage())
                .contains("cuda")
                .isNotEqualTo(Kustomize.overlay("cpu").routerContainer().getImage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cpuOverlays")
    void cpuOverlaysNeitherAskForAGpuNorEnableCuda(String overlay) {
        RenderedManifests manifests = Kustomize.overlay(overlay);
        Container router = manifests.routerContainer();

        assertThat(router.getResources().getLimits()).doesNotContainKey(Overlays.GPU_RESOURCE);
        assertThat(router.getResources().getRequests()).doesNotContainKey(Overlays.GPU_RESOURCE);
        assertThat(AppConfig.of(manifests).require("router.inference.execution-provider"))
                .isEqualToIgnoringCase("cpu");
        assertThat(router.getImage()).doesNotContain("cuda");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.aptituderouter.deploy.Overlays#production")
    void productionTalksSaslOverTlsWithCredentialsFromSecrets(String overlay) {
        RenderedManifests manifests = Kustomize.overlay(overlay);
        AppConfig config = AppConfig.of(manifests);
        Container router = manifests.routerContainer();

        assertThat(config.require("kafka.security.protocol")).isEqualTo("SASL_SSL");
        assertThat(config.require("kafka.sasl.mechanism")).startsWith("SCRAM-");
        assertThat(envFromSecret(router, config.require("kafka.sasl.jaas.config")))
                .isTrue();
        assertThat(config.require("kafka.basic.auth.credentials.source")).isEqualTo("USER_INFO");
        assertThat(envFromSecret(router, config.require("kafka.basic.auth.user.info")))
                .isTrue();

        // The truststore file is on a volume filled from a Secret (the Strimzi cluster CA).
        String truststore = config.require("kafka.ssl.truststore.location");
        String volumeName = router.getVolumeMounts().stream()
                .filter(mount -> truststore.startsWith(mount.getMountPath() + "/"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no mount holds " + truststore))
                .getName();
        Volume volume = manifests.statefulSet().getSpec().getTemplate().getSpec().getVolumes().stream()
                .filter(candidate -> candidate.getName().equals(volumeName))
                .findFirst()
                .orElseThrow();
        assertThat(volume.getSecret()).isNotNull();
    }

    @Test
    void devIsOneSmallPlaintextPodWithoutAutoscalingOrCredentials() {
        RenderedManifests dev = Kustomize.overlay("dev");
        Container router = dev.routerContainer();
        AppConfig config = AppConfig.of(dev);

        assertThat(dev.statefulSet().getSpec().getReplicas()).isEqualTo(1);
        assertThat(dev.custom("ScaledObject")).isEmpty();
        assertThat(dev.custom("ServiceMonitor")).isEmpty();
        assertThat(config.require("kafka.bootstrap.servers")).isNotBlank();
        assertThat(config.require("kafka.security.protocol")).isEqualTo("PLAINTEXT");
        assertThat(config.keys())
                .noneMatch(key -> key.startsWith("kafka.sasl.") || key.startsWith("kafka.basic.auth."));
        assertThat(router.getEnv())
                .noneMatch(
                        env -> env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null);
        assertThat(dev.statefulSet().getSpec().getTemplate().getSpec().getVolumes())
                .noneMatch(volume -> volume.getSecret() != null);
        assertThat(router.getResources().getLimits().get("memory").getNumericalAmount())
                .isLessThan(Kustomize.overlay("cpu")
                        .routerContainer()
                        .getResources()
                        .getLimits()
                        .get("memory")
                        .getNumericalAmount());
    }

    static List<String> cpuOverlays() {
        return List.of("cpu", "dev");
    }

    /** Whether a value is exactly ${VAR} and VAR is filled from a Secret on the container. */
    private static boolean envFromSecret(Container container, String value) {
        if (!value.matches("\\$\\{[A-Za-z0-9_]+}")) {
            return false;
        }
        String name = value.substring(2, value.length() - 1);
        return container.getEnv().stream()
                .filter(env -> env.getName().equals(name))
                .map(EnvVar::getValueFrom)
                .filter(Objects::nonNull)
                .anyMatch(source -> source.getSecretKeyRef() != null);
    }
}
