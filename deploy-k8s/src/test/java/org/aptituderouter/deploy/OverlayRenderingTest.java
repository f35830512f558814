package org.aptituderouter.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every overlay renders, every object parses into fabric8's model, and the set of objects is the expected one. */
class OverlayRenderingTest {

    @Test
    void everyOverlayDirectoryIsCheckedAndDocumented() throws IOException {
        List<String> onDisk;
        try (Stream<Path> dirs = Files.list(RepoLayout.deployModule().resolve("overlays"))) {
            onDisk = dirs.filter(Files::isDirectory)
                    .map(dir -> dir.getFileName().toString())
                    .sorted()
                    .toList();
        }
        assertThat(onDisk).containsExactlyInAnyOrderElementsOf(Overlays.ALL);

        String readme = Files.readString(RepoLayout.deployModule().resolve("README.md"));
        for (String overlay : Overlays.ALL) {
            assertThat(readme).contains("kubectl apply -k deploy-k8s/overlays/" + overlay);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.aptituderouter.deploy.Overlays#all")
    void rendersTheAppAndItsTopics(String overlay) {
        RenderedManifests manifests = Kustomize.overlay(overlay);

        assertThat(manifests.ofType(StatefulSet.class)).hasSize(1);
        assertThat(manifests.ofType(ServiceAccount.class)).hasSize(1);
        assertThat(manifests.ofType(PodDisruptionBudget.class)).hasSize(1);
        // the application's configuration; the overlays with monitoring add the Grafana dashboard's (DashboardTest)
        assertThat(manifests.ofType(ConfigMap.class))
                .extracting(map -> map.getMetadata().getName())
                .filteredOn(name -> !name.equals("aptitude-router-dashboard"))
                .hasSize(1);
        assertThat(manifests.ofType(Service.class))
                .extracting(service -> service.getMetadata().getName())
                .containsExactlyInAnyOrder("aptitude-router", "aptitude-router-headless");
        assertThat(manifests.custom("KafkaTopic"))
                .hasSize(4)
                .allSatisfy(topic -> assertThat(topic.getApiVersion()).isEqualTo("kafka.strimzi.io/v1beta2"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.aptituderouter.deploy.Overlays#all")
    void everyObjectLandsInTheOverlaysNamespace(String overlay) {
        RenderedManifests manifests = Kustomize.overlay(overlay);

        List<String> namespaces = manifests.all().stream()
                .map(HasMetadata::getMetadata)
                .map(metadata -> metadata.getNamespace())
                .distinct()
                .toList();
        assertThat(namespaces).as("namespaces in %s", overlay).hasSize(1).doesNotContainNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.aptituderouter.deploy.Overlays#all")
    void secretsAreOnlyReferencedNeverShipped(String overlay) {
        assertThat(Kustomize.overlay(overlay).ofType(Secret.class))
                .as("Secret objects rendered by %s (credentials must come from the cluster)", overlay)
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.aptituderouter.deploy.Overlays#all")
    void theImageIsARealTaggedReference(String overlay) {
        String image = Kustomize.overlay(overlay).routerContainer().getImage();

        assertThat(image)
                .as("image of %s: the base placeholder must be replaced by the overlay", overlay)
                .isNotEqualTo("aptitude-router")
                .contains("/")
                .matches(".*:[A-Za-z0-9._-]+$")
                .doesNotEndWith(":latest");
    }
}
