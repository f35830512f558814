package org.aptituderouter.core.inference;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/** Reads model files that ship on the classpath (this jar's bundled head, the MiniLM jars). */
public final class ModelResources {

    private ModelResources() {}

    /** The resource's bytes, or empty when no jar on the classpath has it. */
    public static Optional<byte[]> read(String resource) {
        try (InputStream in = ModelResources.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read classpath resource " + resource, e);
        }
    }

    /** The resource's bytes; a startup error naming the jar that should have provided it otherwise. */
    public static byte[] require(String resource, String providedBy) {
        return read(resource)
                .orElseThrow(() -> new InferenceStartupException(
                        "classpath resource " + resource + " not found: " + providedBy + " must be on the classpath"));
    }
}
