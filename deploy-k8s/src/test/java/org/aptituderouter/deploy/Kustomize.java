package org.aptituderouter.deploy;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Renders a kustomization with {@code kubectl kustomize} (kustomize is built into kubectl; no cluster needed).
 * Without kubectl on the PATH the calling test is skipped, saying so.
 */
final class Kustomize {

    private static final Optional<Path> KUBECTL = findOnPath("kubectl");
    private static final Map<Path, RenderedManifests> CACHE = new ConcurrentHashMap<>();

    private Kustomize() {}

    /** The overlay rendered and parsed, once per test run. */
    static RenderedManifests overlay(String name) {
        return render(RepoLayout.overlay(name));
    }

    static RenderedManifests render(Path kustomization) {
        Assumptions.assumeTrue(
                KUBECTL.isPresent(),
                "kubectl is not on the PATH: the kustomize rendering checks are skipped (install kubectl, "
                        + "which has kustomize built in, to run them)");
        return CACHE.computeIfAbsent(
                kustomization.toAbsolutePath().normalize(), dir -> RenderedManifests.parse(dir.toString(), run(dir)));
    }

    private static String run(Path dir) {
        try {
            Path stderr = Files.createTempFile("kustomize", ".err");
            try {
                Process process = new ProcessBuilder(KUBECTL.orElseThrow().toString(), "kustomize", dir.toString())
                        .redirectError(stderr.toFile())
                        .start();
                byte[] out = process.getInputStream().readAllBytes();
                if (!process.waitFor(2, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("kubectl kustomize " + dir + " did not finish in 2 minutes");
                }
                if (process.exitValue() != 0) {
                    throw new IllegalStateException("kubectl kustomize " + dir + " failed (exit " + process.exitValue()
                            + "):\n" + Files.readString(stderr));
                }
                return new String(out, StandardCharsets.UTF_8);
            } finally {
                Files.deleteIfExists(stderr);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run kubectl kustomize " + dir, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rendering " + dir, e);
        }
    }

    private static Optional<Path> findOnPath(String executable) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Stream.of(path.split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .map(entry -> Path.of(entry, executable))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
