package org.aptituderouter.loadtest.chaos;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.aptituderouter.schemas.registry.SchemaRegistryServer;

/** The project's Confluent-compatible schema registry in a process of its own. */
final class RegistryProcess implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final int port = FreePorts.next();
    private final ChildJvm jvm;

    private RegistryProcess(Path dir) {
        this.jvm = new ChildJvm(
                "registry",
                List.of("-Xmx256m"),
                SchemaRegistryServer.class.getName(),
                List.of(Integer.toString(port)),
                dir.resolve("registry.log"));
    }

    static RegistryProcess start(Path dir) {
        RegistryProcess registry = new RegistryProcess(dir);
        registry.jvm.start();
        registry.awaitReady();
        return registry;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    boolean alive() {
        return jvm.alive();
    }

    private void awaitReady() {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest subjects = HttpRequest.newBuilder(URI.create(url() + "/subjects"))
                .timeout(Duration.ofSeconds(2))
                .build();
        jvm.awaitReady(
                () -> {
                    try {
                        return http.send(subjects, HttpResponse.BodyHandlers.discarding())
                                        .statusCode()
                                == 200;
                    } catch (IOException e) {
                        return false;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted while waiting for the registry", e);
                    }
                },
                READY_TIMEOUT);
    }

    @Override
    public void close() {
        jvm.stop(Duration.ofSeconds(10));
    }
}
