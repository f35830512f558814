package org.aptituderouter.trainer.bundle;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.aptituderouter.core.aptitude.AptitudeTest;
import org.aptituderouter.core.bundle.RouterBundle;
import org.aptituderouter.core.capability.Candidate;
import org.aptituderouter.core.capability.CapabilityLines;
import org.aptituderouter.core.encoder.StaticTable;

/**
 * Writes a bundle folder, the four files router-core's {@link RouterBundle} reads (the default bundle lives under
 * {@code org/aptituderouter/core/model/} in router-core's resources).
 */
public final class ModelBundle {

    public static final String APTITUDE_TEST = RouterBundle.APTITUDE_TEST;
    public static final String SCORER_HEAD = RouterBundle.SCORER_HEAD;
    public static final String HEAD_METADATA = RouterBundle.HEAD_METADATA;
    public static final String ZOO = RouterBundle.ZOO;
    /** Default output: router-core's resource folder, relative to the repository root. */
    public static final Path ROUTER_CORE_RESOURCES =
            Path.of("router-core", "src", "main", "resources", "org", "aptituderouter", "core", "model");

    private final Path directory;

    public ModelBundle(Path directory) {
        this.directory = directory;
    }

    public Path directory() {
        return directory;
    }

    public void writeAptitudeTest(AptitudeTest test) {
        write(APTITUDE_TEST, out -> test.write(out));
    }

    public void writeZoo(List<Candidate> zoo) {
        write(ZOO, out -> {
            Writer writer = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8);
            CapabilityLines.write(zoo, writer);
        });
    }

    /** The static encoder's table, in a bundle whose head was trained on its embeddings. */
    public void writeStaticTable(StaticTable table) {
        table.write(directory.resolve(StaticTable.FILE_NAME));
    }

    public void writeHead(byte[] onnx, HeadMetadata metadata) {
        write(SCORER_HEAD, out -> out.write(onnx));
        write(HEAD_METADATA, out -> out.write(metadata.toJson().getBytes(StandardCharsets.UTF_8)));
    }

    private interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private void write(String name, Content content) {
        Path file = directory.resolve(name);
        try {
            Files.createDirectories(directory);
            try (OutputStream out = Files.newOutputStream(file)) {
                content.writeTo(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
