package org.aptituderouter.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import java.util.Optional;

/**
 * The objects one kustomization renders, parsed into fabric8's typed model. Kinds fabric8 does not know
 * (KafkaTopic, ScaledObject, ServiceMonitor, ...) come back as {@link GenericKubernetesResource}.
 */
final class RenderedManifests {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private final String source;
    private final List<HasMetadata> objects;

    private RenderedManifests(String source, List<HasMetadata> objects) {
        this.source = source;
        this.objects = List.copyOf(objects);
    }

    static RenderedManifests parse(String source, String yaml) {
        Object parsed = SERIALIZATION.unmarshal(yaml);
        List<?> documents = parsed instanceof List<?> list ? list : List.of(parsed);
        List<HasMetadata> objects = documents.stream()
                .map(document -> {
                    if (!(document instanceof HasMetadata object)) {
                        throw new IllegalStateException(
                                source + " rendered something that is not a Kubernetes object: " + document);
                    }
                    return object;
                })
                .toList();
        return new RenderedManifests(source, objects);
    }

    List<HasMetadata> all() {
        return objects;
    }

    <T extends HasMetadata> List<T> ofType(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Custom resources of a kind, whatever their group version. */
    List<GenericKubernetesResource> custom(String kind) {
        return ofType(GenericKubernetesResource.class).stream()
                .filter(resource -> kind.equals(resource.getKind()))
                .toList();
    }

    Optional<GenericKubernetesResource> findCustom(String kind, String name) {
        return custom(kind).stream()
                .filter(resource -> name.equals(resource.getMetadata().getName()))
                .findFirst();
    }

    /** The one workload of the app. */
    StatefulSet statefulSet() {
        return single(StatefulSet.class, "StatefulSet");
    }

    Container routerContainer() {
        return statefulSet().getSpec().getTemplate().getSpec().getContainers().stream()
                .filter(container -> "router".equals(container.getName()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(source + ": the StatefulSet has no container named 'router'"));
    }

    ConfigMap configMap(String name) {
        return ofType(ConfigMap.class).stream()
                .filter(map -> name.equals(map.getMetadata().getName()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(source + ": no ConfigMap named " + name));
    }

    Service service(String name) {
        return ofType(Service.class).stream()
                .filter(service -> name.equals(service.getMetadata().getName()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(source + ": no Service named " + name));
    }

    String source() {
        return source;
    }

    private <T extends HasMetadata> T single(Class<T> type, String kind) {
        List<T> found = ofType(type);
        if (found.size() != 1) {
            throw new AssertionError(source + ": expected exactly one " + kind + ", found " + found.size());
        }
        return found.get(0);
    }

    @Override
    public String toString() {
        return source;
    }
}
