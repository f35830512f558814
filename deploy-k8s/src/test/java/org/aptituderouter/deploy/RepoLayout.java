package org.aptituderouter.deploy;

import java.nio.file.Files;
import java.nio.file.Path;

/** Paths of the repository the checks read: manifests, image files, the contract doc and the app's sources. */
final class RepoLayout {

    private static final Path ROOT = locateRoot();

    private RepoLayout() {}

    static Path root() {
        return ROOT;
    }

    static Path resolve(String relative) {
        return ROOT.resolve(relative);
    }

    static Path deployModule() {
        return resolve("deploy-k8s");
    }

    static Path overlay(String name) {
        return resolve("deploy-k8s/overlays/" + name);
    }

    /** Surefire passes repo.root (the POM sets it); an IDE run falls back to walking up from the working dir. */
    private static Path locateRoot() {
        String configured = System.getProperty("repo.root");
        Path start = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("deploy-k8s"))) {
                return dir;
            }
        }
        throw new IllegalStateException(
                "cannot find the repository root (a directory with pom.xml and deploy-k8s/) " + "from " + start);
    }
}
