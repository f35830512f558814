package org.aptituderouter.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * What the app promises, read from the repository rather than restated here: the configuration keys and HTTP
 * endpoints of docs/module-contracts.md, and, once streams-app has them, its application.yml and its
 * {@code @ConfigurationProperties} classes.
 */
final class AppContract {

    static final String CONTRACT_DOC = "docs/module-contracts.md";
    static final String APP_SOURCES = "streams-app/src/main/java";
    static final String APP_CONFIG = "streams-app/src/main/resources/application.yml";

    private static final Pattern CODE_SPAN = Pattern.compile("`([^`]+)`");
    private static final Pattern BRACES = Pattern.compile("^([^{]*)\\{([^}]*)}(.*)$");
    private static final Pattern HTTP_LINE = Pattern.compile("HTTP \\(port (\\d+)\\)");
    private static final Pattern CONFIG_PROPERTIES =
            Pattern.compile("@ConfigurationProperties\\(\\s*(?:value\\s*=\\s*)?\"([^\"]+)\"");

    private final Set<String> keys = new TreeSet<>();
    private final Set<String> keyPrefixes = new TreeSet<>();
    private final Set<String> endpoints = new TreeSet<>();
    private final int httpPort;

    private AppContract(String doc) {
        int port = -1;
        for (String line : doc.split("\n")) {
            Matcher http = HTTP_LINE.matcher(line);
            boolean endpointLine = http.find();
            if (endpointLine) {
                port = Integer.parseInt(http.group(1));
            }
            Matcher span = CODE_SPAN.matcher(line);
            while (span.find()) {
                String token = span.group(1).trim();
                if (endpointLine && token.startsWith("/")) {
                    endpoints.add(token);
                } else if (token.startsWith("router.") || token.startsWith("kafka.")) {
                    for (String key : expand(token)) {
                        if (key.endsWith(".*")) {
                            keyPrefixes.add(key.substring(0, key.length() - 1));
                        } else if (key.matches("[a-z0-9.-]+")) {
                            keys.add(key);
                        }
                    }
                }
            }
        }
        if (port < 0 || endpoints.isEmpty()) {
            throw new AssertionError(CONTRACT_DOC + " no longer has the line 'HTTP (port N): `/health`, ...' "
                    + "that the deploy-k8s checks read the app's endpoints from");
        }
        this.httpPort = port;
    }

    static AppContract read() {
        return new AppContract(readString(RepoLayout.resolve(CONTRACT_DOC)));
    }

    /** Keys spelled out by the contract, braces expanded: router.batch.{max-size,max-wait} gives two. */
    Set<String> keys() {
        return keys;
    }

    /** Pass-through blocks of the contract, e.g. "kafka.streams.default.". */
    Set<String> keyPrefixes() {
        return keyPrefixes;
    }

    Set<String> endpoints() {
        return endpoints;
    }

    int httpPort() {
        return httpPort;
    }

    /** The app's own application.yml as flat keys, once streams-app has one. */
    static Optional<Map<String, Object>> appDefaults() {
        Path file = RepoLayout.resolve(APP_CONFIG);
        return Files.isRegularFile(file) ? Optional.of(AppConfig.flatKeysOf(file)) : Optional.empty();
    }

    /**
     * The app's {@code @ConfigurationProperties} classes by prefix, with their source text; empty while
     * streams-app has none.
     */
    static Map<String, String> configurationPropertiesSources() {
        Path sources = RepoLayout.resolve(APP_SOURCES);
        Map<String, String> byPrefix = new LinkedHashMap<>();
        if (!Files.isDirectory(sources)) {
            return byPrefix;
        }
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(file -> file.toString().endsWith(".java")).forEach(file -> {
                String text = readString(file);
                Matcher matcher = CONFIG_PROPERTIES.matcher(text);
                while (matcher.find()) {
                    byPrefix.merge(matcher.group(1), text, (a, b) -> a + "\n" + b);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return byPrefix;
    }

    /**
     * Whether a class bound to the longest matching prefix has a property for the rest of the key: a setter or
     * a field/record component named in camel case (router.batch.max-size: setMaxSize or maxSize).
     */
    static boolean isBound(String key, Map<String, String> sourcesByPrefix) {
        Optional<String> prefix = sourcesByPrefix.keySet().stream()
                .filter(p -> key.startsWith(p + "."))
                .max((a, b) -> Integer.compare(a.length(), b.length()));
        if (prefix.isEmpty()) {
            return false;
        }
        String rest = key.substring(prefix.get().length() + 1);
        if (rest.contains(".")) {
            return false;
        }
        String camel = camelCase(rest);
        String capitalised = Character.toUpperCase(camel.charAt(0)) + camel.substring(1);
        String source = sourcesByPrefix.get(prefix.get());
        return Pattern.compile("\\bset" + capitalised + "\\s*\\(")
                        .matcher(source)
                        .find()
                || Pattern.compile("\\b" + camel + "\\s*[;=,)]").matcher(source).find();
    }

    private static String camelCase(String kebab) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : kebab.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    private static List<String> expand(String token) {
        Matcher braces = BRACES.matcher(token);
        if (!braces.matches()) {
            return List.of(token);
        }
        List<String> expanded = new ArrayList<>();
        for (String part : braces.group(2).split(",")) {
            expanded.addAll(expand(braces.group(1) + part.trim() + braces.group(3)));
        }
        return expanded;
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
