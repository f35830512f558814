package org.aptituderouter.core.encoder;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The static encoder's table: one vector per vocabulary token id, distilled from MiniLM ({@code bin/router
 * distill}). File layout: magic {@code ARST}, format version, rows, dimension, the teacher's name (UTF-8, length
 * first), then rows x dimension little-endian float32. Its fingerprint (of the vectors) names the embedding space.
 */
public final class StaticTable {

    public static final String FILE_NAME = "static-encoder.bin";
    private static final int MAGIC = 0x41525354; // "ARST"
    private static final int FORMAT = 1;

    private final String teacher;
    private final int rows;
    private final int dimension;
    private final float[] vectors;
    private final String fingerprint;

    public StaticTable(String teacher, int rows, int dimension, float[] vectors) {
        if (vectors.length != (long) rows * dimension) {
            throw new IllegalArgumentException(vectors.length + " values for " + rows + " x " + dimension);
        }
        this.teacher = teacher;
        this.rows = rows;
        this.dimension = dimension;
        this.vectors = vectors;
        this.fingerprint = fingerprint(vectors);
    }

    /** Where {@code bin/router distill} puts the table by default: the user's cache, beside the embedding cache. */
    public static Path defaultPath() {
        return Path.of(System.getProperty("user.home"), ".cache", "aptitude-router", FILE_NAME);
    }

    public static StaticTable read(Path file) {
        try {
            return fromBytes(Files.readAllBytes(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the static encoder table " + file + ": " + e.getMessage(), e);
        }
    }

    public static StaticTable fromBytes(byte[] bytes, String source) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        if (bytes.length < 16 || in.getInt() != MAGIC || in.getInt() != FORMAT) {
            throw new IllegalArgumentException(source + " is not a static encoder table (format " + FORMAT
                    + "): run bin/router distill to make one");
        }
        int rows = in.getInt();
        int dimension = in.getInt();
        byte[] name = new byte[in.getInt()];
        in.get(name);
        if (in.remaining() != (long) rows * dimension * Float.BYTES) {
            throw new IllegalArgumentException(source + " is truncated: " + in.remaining() + " bytes for " + rows
                    + " x " + dimension + " floats; run bin/router distill again");
        }
        float[] vectors = new float[rows * dimension];
        in.order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vectors);
        return new StaticTable(new String(name, StandardCharsets.UTF_8), rows, dimension, vectors);
    }

    public byte[] toBytes() {
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(header)) {
            byte[] name = teacher.getBytes(StandardCharsets.UTF_8);
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            out.writeInt(rows);
            out.writeInt(dimension);
            out.writeInt(name.length);
            out.write(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ByteBuffer all = ByteBuffer.allocate(header.size() + vectors.length * Float.BYTES);
        all.put(header.toByteArray());
        all.order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().put(vectors);
        return all.array();
    }

    public void write(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, toBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** The encoder the table was distilled from, e.g. {@code all-minilm-l6-v2/fp32}. */
    public String teacher() {
        return teacher;
    }

    public int rows() {
        return rows;
    }

    public int dimension() {
        return dimension;
    }

    /** Row-major: token {@code t}'s vector starts at {@code t * dimension()}. Not copied: do not modify. */
    float[] vectors() {
        return vectors;
    }

    /** First 8 hex digits of the SHA-256 of the vectors: two tables with the same fingerprint embed alike. */
    public String fingerprint() {
        return fingerprint;
    }

    private static String fingerprint(float[] vectors) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            ByteBuffer buffer =
                    ByteBuffer.allocate(vectors.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            buffer.asFloatBuffer().put(vectors);
            return HexFormat.of().formatHex(digest.digest(buffer.array())).substring(0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
