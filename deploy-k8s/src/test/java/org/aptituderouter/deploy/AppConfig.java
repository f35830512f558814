package org.aptituderouter.deploy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The configuration the app sees in a rendered overlay, worked out as Micronaut does: the files named by
 * MICRONAUT_CONFIG_FILES, read from the ConfigMap mounted at their directory, merged in order (a later file wins),
 * as flat dotted keys ({@code kafka.streams.default.application.id}).
 */
final class AppConfig {

    static final String CONFIG_FILES_ENV = "MICRONAUT_CONFIG_FILES";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** ${NAME} or ${NAME:default}: Micronaut resolves NAME from the environment. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)(:[^}]*)?}");

    private final List<String> files;
    private final Map<String, Object> values;

    private AppConfig(List<String> files, Map<String, Object> values) {
        this.files = List.copyOf(files);
        this.values = Map.copyOf(values);
    }

    static AppConfig of(RenderedManifests manifests) {
        Container container = manifests.routerContainer();
        String fileList = env(container, CONFIG_FILES_ENV)
                .orElseThrow(() ->
                        new AssertionError(manifests + ": the router container does not set " + CONFIG_FILES_ENV));
        List<String> files = Stream.of(fileList.split(","))
                .map(String::trim)
                .filter(f -> !f.isEmpty())
                .toList();
        Map<String, Object> merged = new LinkedHashMap<>();
        for (String file : files) {
            merged.putAll(flatten(parseYaml(configFileContent(manifests, container, Path.of(file)), file)));
        }
        return new AppConfig(files, merged);
    }

    /** The flat keys of a YAML file in the repository (e.g. the app's own application.yml). */
    static Map<String, Object> flatKeysOf(Path yamlFile) {
        try {
            return flatten(parseYaml(Files.readString(yamlFile), yamlFile.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Optional<String> env(Container container, String name) {
        return container.getEnv() == null
                ? Optional.empty()
                : container.getEnv().stream()
                        .filter(var -> name.equals(var.getName()))
                        .map(EnvVar::getValue)
                        .findFirst();
    }

    List<String> files() {
        return files;
    }

    Set<String> keys() {
        return new TreeSet<>(values.keySet());
    }

    Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key)).map(String::valueOf);
    }

    String require(String key) {
        return get(key).orElseThrow(
                        () -> new AssertionError("the app config sets no " + key + " (files " + files + ")"));
    }

    int requireInt(String key) {
        return Integer.parseInt(require(key));
    }

    /** Environment variables the config needs: placeholders without a default. */
    Set<String> requiredEnvironment() {
        Set<String> names = new TreeSet<>();
        values.values().forEach(value -> {
            Matcher matcher = PLACEHOLDER.matcher(String.valueOf(value));
            while (matcher.find()) {
                if (matcher.group(2) == null) {
                    names.add(matcher.group(1));
                }
            }
        });
        return names;
    }

    private static String configFileContent(RenderedManifests manifests, Container container, Path file) {
        String dir = file.getParent().toString();
        VolumeMount mount = container.getVolumeMounts().stream()
                .filter(m -> dir.equals(Path.of(m.getMountPath()).toString()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(manifests + ": config file " + file + " is in " + dir
                        + ", where the router container mounts no volume"));
        Volume volume = manifests.statefulSet().getSpec().getTemplate().getSpec().getVolumes().stream()
                .filter(v -> v.getName().equals(mount.getName()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(manifests + ": no volume " + mount.getName()));
        if (volume.getConfigMap() == null) {
            throw new AssertionError(
                    manifests + ": volume " + volume.getName() + " holding " + file + " is not a ConfigMap");
        }
        ConfigMap configMap = manifests.configMap(volume.getConfigMap().getName());
        String content = configMap.getData() == null
                ? null
                : configMap.getData().get(file.getFileName().toString());
        if (content == null) {
            throw new AssertionError(
                    manifests + ": ConfigMap " + configMap.getMetadata().getName() + " has no key " + file.getFileName()
                            + " (named in " + CONFIG_FILES_ENV + ")");
        }
        return content;
    }

    private static Map<String, Object> parseYaml(String content, String name) {
        try {
            // A file of comments only is valid and empty, to Micronaut as here.
            JsonNode root = YAML.readTree(content);
            if (root == null || root.isMissingNode() || root.isNull()) {
                return Map.of();
            }
            return YAML.convertValue(root, new TypeReference<>() {});
        } catch (IOException e) {
            throw new AssertionError(name + " is not valid YAML: " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> flatten(Map<String, Object> tree) {
        Map<String, Object> flat = new LinkedHashMap<>();
        flatten("", tree, flat);
        return flat;
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Map<String, Object> tree, Map<String, Object> flat) {
        tree.forEach((key, value) -> {
            String path = prefix.isEmpty() ? key : prefix + "." + key;
            if (value instanceof Map<?, ?> nested) {
                flatten(path, (Map<String, Object>) nested, flat);
            } else {
                flat.put(path, value);
            }
        });
    }
}
