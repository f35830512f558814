package org.aptituderouter.trainer.embed;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Instruction embeddings on disk, one file per fingerprint (encoder, settings and texts), so that training and
 * evaluation runs encode the data set once. Derived from question texts: lives outside the repository
 * (by default {@code ~/.cache/aptitude-router}), never committed.
 */
public final class EmbeddingCache {

    private static final int MAGIC = 0x41524531; // "ARE1"

    private final Path directory;

    public EmbeddingCache(Path directory) {
        this.directory = directory;
    }

    public static EmbeddingCache inUserCache() {
        return new EmbeddingCache(Path.of(System.getProperty("user.home"), ".cache", "aptitude-router"));
    }

    public Path file(String fingerprint) {
        return directory.resolve("embeddings-" + fingerprint + ".f32");
    }

    /** The cached rows, or empty when absent or unreadable (a broken cache file is recomputed, not fatal). */
    public Optional<float[][]> load(String fingerprint, int expectedRows, int dimension) {
        Path file = file(fingerprint);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (InputStream raw = Files.newInputStream(file);
                DataInputStream in = new DataInputStream(raw)) {
            if (in.readInt() != MAGIC || in.readInt() != expectedRows || in.readInt() != dimension) {
                return Optional.empty();
            }
            float[][] rows = new float[expectedRows][dimension];
            byte[] buffer = new byte[dimension * Float.BYTES];
            for (float[] row : rows) {
                in.readFully(buffer);
                ByteBuffer.wrap(buffer)
                        .order(ByteOrder.LITTLE_ENDIAN)
                        .asFloatBuffer()
                        .get(row);
            }
            return Optional.of(rows);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Writes through a temporary file and a rename, so a concurrent reader never sees half a file. */
    public void store(String fingerprint, float[][] rows) {
        Path file = file(fingerprint);
        try {
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, "embeddings-", ".tmp");
            try (OutputStream raw = Files.newOutputStream(temporary);
                    DataOutputStream out = new DataOutputStream(raw)) {
                int dimension = rows.length == 0 ? 0 : rows[0].length;
                out.writeInt(MAGIC);
                out.writeInt(rows.length);
                out.writeInt(dimension);
                ByteBuffer buffer = ByteBuffer.allocate(dimension * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
                for (float[] row : rows) {
                    buffer.clear();
                    buffer.asFloatBuffer().put(row);
                    out.write(buffer.array());
                }
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write embedding cache " + file, e);
        }
    }
}
