package org.aptituderouter.loadtest.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * One router instance ({@code bin/router serve}'s main class) in a process of its own, against the chaos run's
 * broker and registry, with its own HTTP port and state directory, both kept across restarts: a restart after a
 * kill is the same instance coming back, as a pod of a StatefulSet would.
 */
final class RouterProcess implements AutoCloseable {

    private static final String MAIN_CLASS = "org.aptituderouter.app.RouterApplication";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final int httpPort = FreePorts.next();
    private final ChildJvm jvm;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private int starts;

    RouterProcess(String name, Path dir, String bootstrapServers, String registryUrl, List<String> extraSettings) {
        this.name = name;
        List<String> args = new ArrayList<>(List.of(
                "serve",
                "--kafka.bootstrap.servers=" + bootstrapServers,
                "--kafka.schema.registry.url=" + registryUrl,
                "--micronaut.server.port=" + httpPort,
                "--kafka.streams.default.state.dir=" + dir.resolve("state").toAbsolutePath()));
        extraSettings.forEach(setting -> args.add("--" + setting));
        // every log line to standard output, which ChildJvm appends to this router's log in the report folder
        this.jvm = new ChildJvm(
                "router-" + name,
                List.of("-Xmx1g", "-Dai.djl.offline=true", "-Dlogback.configurationFile=logback-container.xml"),
                MAIN_CLASS,
                args,
                dir.resolve("router.log"));
    }

    String name() {
        return name;
    }

    void start() {
        jvm.start();
        starts++;
    }

    /** How many times this instance was started. */
    int starts() {
        return starts;
    }

    void kill() {
        jvm.kill();
    }

    boolean alive() {
        return jvm.alive();
    }

    Integer exitCode() {
        return jvm.exitCode();
    }

    Path log() {
        return jvm.log();
    }

    /** Waits until {@code condition} holds; fails, naming the log, if the process exits first or time runs out. */
    void await(BooleanSupplier condition, Duration timeout) {
        jvm.awaitReady(condition, timeout);
    }

    /** Readiness as Kubernetes would see it: streams RUNNING and a routable zoo. */
    boolean ready() {
        return get("/health/readiness")
                .map(response -> response.statusCode() == 200)
                .orElse(false);
    }

    /** Model ids of the live capability set ({@code GET /models}); empty when the instance does not answer. */
    List<String> modelIds() {
        List<String> ids = new ArrayList<>();
        get("/models").filter(r -> r.statusCode() == 200).ifPresent(response -> {
            try {
                for (JsonNode model : JSON.readTree(response.body()).path("models")) {
                    ids.add(model.path("modelId").asText());
                }
            } catch (IOException e) {
                throw new IllegalStateException(name + " answered /models with unreadable JSON: " + e.getMessage(), e);
            }
        });
        return ids;
    }

    /** Graded outcomes counted into each model's live evidence, from {@code GET /models}. */
    Map<String, Long> liveOutcomes() {
        return evidencePerModel("liveOutcomes");
    }

    /** Graded outcomes each model's correction learned from, from {@code GET /models}. */
    Map<String, Long> correctedOutcomes() {
        return evidencePerModel("corrected");
    }

    private Map<String, Long> evidencePerModel(String field) {
        Map<String, Long> counts = new HashMap<>();
        get("/models").filter(r -> r.statusCode() == 200).ifPresent(response -> {
            try {
                for (JsonNode model : JSON.readTree(response.body()).path("models")) {
                    long outcomes = model.path("evidence").path(field).asLong();
                    if (outcomes > 0) {
                        counts.put(model.path("modelId").asText(), outcomes);
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException(name + " answered /models with unreadable JSON: " + e.getMessage(), e);
            }
        });
        return counts;
    }

    /** The instance's {@code /prometheus} text, if it answers (read it with {@link PrometheusText}). */
    Optional<String> prometheus() {
        return get("/prometheus").filter(r -> r.statusCode() == 200).map(HttpResponse::body);
    }

    private Optional<HttpResponse<String>> get(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + path))
                .timeout(Duration.ofSeconds(5))
                .build();
        try {
            return Optional.of(http.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** SIGTERM: the router's own shutdown (in-flight batch committed, no leave-group for static members). */
    @Override
    public void close() {
        jvm.stop(Duration.ofSeconds(60));
    }
}
