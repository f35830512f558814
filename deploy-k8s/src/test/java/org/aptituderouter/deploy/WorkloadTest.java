package org.aptituderouter.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The StatefulSet of every overlay: hardening, resources, probes on the app's endpoints, state and identity. */
class WorkloadTest {

    private static final AppContract CONTRACT = AppContract.read();

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.aptituderouter.deploy.Overlays#all")
    void runsAsNonRootWithAReadOnlyRootFilesystemAndNoCapabilities(String overlay) {
        PodSpec pod = podSpec(overlay);
        PodSecurityContext podSecurity = pod.getSecurityContext();

        assertThat(podSecurity.getRunAsNonRoot()).isTrue();
        assertThat(podSecurity.getRunAsUser()).isPositive();
        assertThat(podSecurity.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        assertThat(pod.getAutomountServiceAccountToken()).isFalse();
        for (Container container : allContainers(pod)) {
            SecurityContext security = container.getSecurityContext();
            assertThat(security)
                    .as("securityContext of %s in %s", container.getName(), overlay)
                    .isNotNull();
            assertThat(security.getReadOnlyRootFilesystem())
                    .as("readOnlyRootFilesystem of %s", container.getName())
                    .isTrue();
            assertThat(security.getAllowPrivilegeEscalation()).isFalse();
            assertThat(security.getRunAsNonRoot()).isNotEqualTo(Boolean.FALSE);
            assertThat(security.getPrivileged()).isNotEqualTo(Boolean.TRUE);
            assertThat(security.getCapabilities().getDrop()).containsExactly("ALL");
            assertThat(security.getCapabilities().getAdd()).isNullOrEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.aptituderouter.deploy.Overlays#all")
    void everyContainerHasCpuAndMemoryRequestsAndLimits(String overlay) {
        for (Container container : allContainers(podSpec(overlay))) {
            ResourceRequirements resources = container.getResources();
            assertThat(resources.getRequests())
                    .as("requests of %s in %s", container.getName(), overlay)
                    .containsKeys("cpu", "memory");
            assertThat(resources.getLimits())
                    .as("limits of %s in %s", container.getName(), overlay)
                    .containsKeys("cpu", "memory");
            for (String resource : List.of("cpu", "memory")) {
                assertThat(amount(resources.getLimits(), resource))
                        .as("%s limit >= request for %s in %s", resource, container.getName(), overlay)
                        .isGreaterThanOrEqualTo(amount(resources.getRequests(), resource));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.aptituderouter.deploy.Overlays#all")
    void probesHitTheAppsHealthEndpointsOnItsHttpPort(String overlay) {
        Container router = Kustomize.overlay(overlay).routerContainer();

        assertProbe(router, router.getLivenessProbe(), "/health/liveness");
        assertProbe(router, router.getReadinessProbe(), "/health/readiness");
        assertProbe(router, router.getStartupProbe(), "/health/liveness");
        assertThat(router.getPorts())
                .extracting(ContainerPort::getContainerPort)
                .contains(CONTRACT.httpPort());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.aptituderouter.deploy.Overlays#all")
    void aSlowStartOrALongRestoreDoesNotRestartThePod(String overlay) {
        StatefulSet statefulSet = Kustomize.overlay(overlay).statefulSet();
        Container router = Kustomize.overlay(overlay).routerContainer();
        Probe startup = router.getStartupProbe();

        assertThat(startup.getPeriodSeconds() * startup.getFailureThreshold())
                .as("seconds the startup probe allows")
                .isGreaterThanOrEqualTo(300);
        // Readiness, not liveness, reflects the Kafka Streams state (restore, rebalance).
        assertThat(router.getLivenessProbe().getHttpGet().getPath())
                .isNotEqualTo(router.getReadinessProbe().getHttpGet().getPath());
        assertThat(statefulSet.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds())
                .as("time to commit in-flight batches on shutdown")
                .isGreaterThanOrEqualTo(120L);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.aptituderouter.deploy.Overlays#all")
    void stableIdentityAndStateVolumeForEveryPod(String overlay) {
        RenderedManifests manifests = Kustomize.overlay(overlay);
        StatefulSet statefulSet = manifests.statefulSet();
        Container router = manifests.routerContainer();
        AppConfig config = AppConfig.of(manifests);

        assertThat(statefulSet.getSpec().getPodManagementPolicy()).isEqualTo("Parallel");
        Service governing = manifests.service(statefulSet.getSpec().getServiceName());
        assertThat(governing.getSpec().getClusterIP()).isEqualTo("None");

        // Static membership: group.instance.id is the pod name, which the StatefulSet keeps stable.
        String instanceId = config.require("kafka.streams.default.group.instance.id");
        assertThat(instanceId).matches("\\$\\{[A-Z_]+}");
        String variable = instanceId.substring(2, instanceId.length() - 1);
        EnvVar podName = router.getEnv().stream()
                .filter(env -> env.getName().equals(variable))
                .findFirst()
                .orElseThrow(() -> new AssertionError(
                        overlay + ": group.instance.id uses ${" + variable + "}, which the container does not define"));
        assertThat(podName.getValueFrom().getFieldRef().getFieldPath()).isEqualTo("metadata.name");

        // The Kafka Streams state dir lives on the pod's own PersistentVolumeClaim.
        List<String> claims = statefulSet.getSpec().getVolumeClaimTemplates().stream()
                .map(PersistentVolumeClaim::getMetadata)
                .map(metadata -> metadata.getName())
                .toList();
        String stateDir = config.require("kafka.streams.default.state.dir");
        VolumeMount stateMount = mountHolding(router, stateDir);
        assertThat(claims).as("volume holding state.dir %s", stateDir).contains(stateMount.getName());
        assertThat(stateMount.getReadOnly()).isNotEqualTo(Boolean.TRUE);

        // /tmp is writable (JVM, native libraries unpacked at start) but not the root filesystem.
        VolumeMount tmp = mountHolding(router, "/tmp");
        Volume tmpVolume = volume(statefulSet, tmp.getName());
        assertThat(tmpVolume.getEmptyDir()).as("/tmp volume").isNotNull();
        assertThat(tmpVolume.getEmptyDir().getSizeLimit()).isNotNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.aptituderouter.deploy.Overlays#all")
    void credentialsComeFromSecretReferencesOnly(String overlay) {
        RenderedManifests manifests = Kustomize.overlay(overlay);
        Container router = manifests.routerContainer();
        AppConfig config = AppConfig.of(manifests);

        for (EnvVar env : router.getEnv()) {
            if (env.getName().matches(".*(PASSWORD|JAAS|USER_INFO|SECRET|TOKEN).*")) {
                assertThat(env.getValue())
                        .as("literal value of %s in %s", env.getName(), overlay)
                        .isNull();
                assertThat(env.getValueFrom().getSecretKeyRef())
                        .as("secretKeyRef of %s", env.getName())
                        .isNotNull();
            }
        }
        assertThat(router.getEnvFrom()).isNullOrEmpty();
        // Every ${VAR} without a default in the app config is defined on the container.
        assertThat(router.getEnv()).extracting(EnvVar::getName).containsAll(config.requiredEnvironment());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.aptituderouter.deploy.Overlays#all")
    void servicesAndDisruptionBudgetSelectThePods(String overlay) {
        RenderedManifests manifests = Kustomize.overlay(overlay);
        Map<String, String> podLabels =
                manifests.statefulSet().getSpec().getTemplate().getMetadata().getLabels();
        assertThat(podLabels)
                .containsAllEntriesOf(
                        manifests.statefulSet().getSpec().getSelector().getMatchLabels());

        for (Service service : manifests.ofType(Service.class)) {
            assertThat(podLabels)
                    .as("pods selected by Service %s", service.getMetadata().getName())
                    .containsAllEntriesOf(service.getSpec().getSelector());
            for (ServicePort port : service.getSpec().getPorts()) {
                assertThat(port.getPort()).isEqualTo(CONTRACT.httpPort());
                assertThat(containerPort(manifests.routerContainer(), port.getTargetPort()))
                        .isEqualTo(CONTRACT.httpPort());
            }
        }
        PodDisruptionBudget budget = manifests.ofType(PodDisruptionBudget.class).get(0);
        assertThat(podLabels)
                .containsAllEntriesOf(budget.getSpec().getSelector().getMatchLabels());
        assertThat(budget.getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);
    }

    private static void assertProbe(Container container, Probe probe, String path) {
        assertThat(probe).as("probe expected on %s", path).isNotNull();
        assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
        assertThat(CONTRACT.endpoints())
                .as("endpoints of the contract (%s)", AppContract.CONTRACT_DOC)
                .contains(path);
        assertThat(containerPort(container, probe.getHttpGet().getPort())).isEqualTo(CONTRACT.httpPort());
        assertThat(probe.getTimeoutSeconds()).isNotNull();
    }

    /** A port given by number or by the name of a container port. */
    private static int containerPort(Container container, IntOrString port) {
        if (port.getIntVal() != null) {
            return port.getIntVal();
        }
        return container.getPorts().stream()
                .filter(candidate -> port.getStrVal().equals(candidate.getName()))
                .map(ContainerPort::getContainerPort)
                .findFirst()
                .orElseThrow(() -> new AssertionError(
                        "container " + container.getName() + " has no port named " + port.getStrVal()));
    }

    private static VolumeMount mountHolding(Container container, String path) {
        return container.getVolumeMounts().stream()
                .filter(mount -> path.equals(mount.getMountPath()) || path.startsWith(mount.getMountPath() + "/"))
                .max((a, b) -> Integer.compare(
                        a.getMountPath().length(), b.getMountPath().length()))
                .orElseThrow(() -> new AssertionError("no volume mounted at or above " + path));
    }

    private static Volume volume(StatefulSet statefulSet, String name) {
        return statefulSet.getSpec().getTemplate().getSpec().getVolumes().stream()
                .filter(volume -> volume.getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no volume named " + name));
    }

    private static PodSpec podSpec(String overlay) {
        return Kustomize.overlay(overlay).statefulSet().getSpec().getTemplate().getSpec();
    }

    private static List<Container> allContainers(PodSpec pod) {
        List<Container> containers = new ArrayList<>(pod.getContainers());
        Stream.ofNullable(pod.getInitContainers()).forEach(containers::addAll);
        return containers;
    }

    private static BigDecimal amount(Map<String, Quantity> quantities, String resource) {
        return Quantity.getAmountInBytes(quantities.get(resource));
    }
}
