package org.aptituderouter.trainer.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Optional;

/**
 * The project checkout, for defaults that live in it (router-core's resource folder, the local report folder):
 * the nearest folder above the working directory, or above this class's location, holding router-core/pom.xml.
 */
final class RepositoryRoot {

    private RepositoryRoot() {}

    static Path find() {
        return search(Path.of("").toAbsolutePath())
                .or(RepositoryRoot::fromCodeLocation)
                .orElseThrow(
                        () -> new IllegalStateException(
                                "cannot find the project checkout (a folder holding router-core/pom.xml); pass the output folder explicitly"));
    }

    private static Optional<Path> fromCodeLocation() {
        CodeSource source = RepositoryRoot.class.getProtectionDomain().getCodeSource();
        if (source == null) {
            return Optional.empty();
        }
        try {
            return search(Path.of(source.getLocation().toURI()));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static Optional<Path> search(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("router-core").resolve("pom.xml"))) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }
}
