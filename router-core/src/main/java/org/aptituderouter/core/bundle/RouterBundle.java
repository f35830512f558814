package org.aptituderouter.core.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.aptituderouter.core.aptitude.AptitudeTest;
import org.aptituderouter.core.capability.Candidate;
import org.aptituderouter.core.capability.CapabilityLines;
import org.aptituderouter.core.encoder.StaticTable;
import org.aptituderouter.core.inference.InferenceStartupException;
import org.aptituderouter.core.inference.ModelResources;

/**
 * What {@code bin/router train} writes and everything else reads: the aptitude test (tasks, their centroids and
 * shares, the shrinkage), the scorer head (ONNX), its metadata (which encoder it was trained for), the training
 * zoo's capabilities and, for the static encoder, its table. A folder, or the bundle inside this jar (MMLU-Pro) when none is named. A file that is
 * missing or does not parse stops start-up with a message naming it.
 */
public final class RouterBundle {

    public static final String APTITUDE_TEST = "aptitude-test.json";
    public static final String SCORER_HEAD = "scorer-head.onnx";
    public static final String HEAD_METADATA = "scorer-head.json";
    public static final String ZOO = "zoo-capabilities.jsonl";
    /** Where the default bundle sits on the classpath. */
    public static final String BUNDLED = "org/aptituderouter/core/model/";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String source;
    private final AptitudeTest test;
    private final byte[] head;
    private final String encoder;
    private final List<Candidate> zoo;
    private final StaticTable staticTable;

    private RouterBundle(
            String source,
            AptitudeTest test,
            byte[] head,
            String encoder,
            List<Candidate> zoo,
            StaticTable staticTable) {
        this.source = source;
        this.test = test;
        this.head = head;
        this.encoder = encoder;
        this.zoo = List.copyOf(zoo);
        this.staticTable = staticTable;
    }

    /** The bundle in {@code directory}, or the one in this jar when it is null. */
    public static RouterBundle open(Path directory) {
        return directory == null ? bundled() : load(directory);
    }

    public static RouterBundle bundled() {
        return read("classpath:" + BUNDLED, name -> ModelResources.read(BUNDLED + name));
    }

    public static RouterBundle load(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new InferenceStartupException("bundle " + directory.toAbsolutePath()
                    + " is not a folder: name the folder bin/router train --out wrote");
        }
        return read(directory.toString(), name -> {
            Path file = directory.resolve(name);
            try {
                return Files.isRegularFile(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
            } catch (IOException e) {
                throw new InferenceStartupException("cannot read " + file + ": " + e.getMessage(), e);
            }
        });
    }

    private interface BundleFiles {
        Optional<byte[]> get(String name);
    }

    private static RouterBundle read(String source, BundleFiles files) {
        AptitudeTest test = parse(
                source,
                APTITUDE_TEST,
                required(source, files, APTITUDE_TEST),
                bytes -> AptitudeTest.read(new ByteArrayInputStream(bytes)));
        byte[] head = required(source, files, SCORER_HEAD);
        JsonNode metadata = parse(source, HEAD_METADATA, required(source, files, HEAD_METADATA), JSON::readTree);
        JsonNode trainedOn = metadata.get("aptitude_test_id");
        if (trainedOn != null && !trainedOn.asText().equals(test.id())) {
            throw new InferenceStartupException(
                    source + "/" + HEAD_METADATA + " says the head was trained on aptitude test "
                            + trainedOn.asText() + " but " + APTITUDE_TEST + " is " + test.id()
                            + ": the files come from different bundles; train again or restore the folder");
        }
        String encoder = metadata.path("encoder").asText("");
        List<Candidate> zoo = files.get(ZOO)
                .map(bytes -> parse(
                        source,
                        ZOO,
                        bytes,
                        b -> CapabilityLines.read(
                                new InputStreamReader(new ByteArrayInputStream(b), StandardCharsets.UTF_8))))
                .orElse(List.of());
        StaticTable table = files.get(StaticTable.FILE_NAME)
                .map(bytes -> parse(
                        source,
                        StaticTable.FILE_NAME,
                        bytes,
                        b -> StaticTable.fromBytes(b, source + "/" + StaticTable.FILE_NAME)))
                .orElse(null);
        return new RouterBundle(source, test, head, encoder, zoo, table);
    }

    private static byte[] required(String source, BundleFiles files, String name) {
        return files.get(name)
                .orElseThrow(() -> new InferenceStartupException(source + "/" + name
                        + " is missing: a bundle holds " + APTITUDE_TEST + ", " + SCORER_HEAD + " and " + HEAD_METADATA
                        + " (bin/router train --out DIR writes them)"));
    }

    private interface Parser<T> {
        T parse(byte[] bytes) throws IOException;
    }

    private static <T> T parse(String source, String name, byte[] bytes, Parser<T> parser) {
        try {
            return parser.parse(bytes);
        } catch (IOException | IllegalArgumentException e) {
            throw new InferenceStartupException("cannot read " + source + "/" + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * Refuses an encoder other than the one the head was trained for: embeddings of another encoder live in
     * another space, and the head would score them without any error, just badly. Variants of one encoder
     * ({@code fp32}, {@code quantized}) share a space.
     *
     * @param encoderVersion e.g. {@code all-minilm-l6-v2/quantized}
     */
    public void checkEncoder(String encoderVersion) {
        if (encoder.isEmpty()) {
            return;
        }
        if (!family(encoder).equals(family(encoderVersion))) {
            throw new InferenceStartupException(source + " was trained for encoder " + encoder + " but the router runs "
                    + encoderVersion + ": use the encoder the bundle names, or train a bundle for this encoder");
        }
    }

    private static String family(String encoderVersion) {
        int slash = encoderVersion.indexOf('/');
        return slash < 0 ? encoderVersion : encoderVersion.substring(0, slash);
    }

    /** The static encoder's table, in a bundle trained for the static encoder. */
    public Optional<StaticTable> staticTable() {
        return Optional.ofNullable(staticTable);
    }

    /** Where the bundle came from, for messages: a folder or {@code classpath:...}. */
    public String source() {
        return source;
    }

    public AptitudeTest aptitudeTest() {
        return test;
    }

    /** The scorer head's ONNX bytes. */
    public byte[] head() {
        return head.clone();
    }

    /** The encoder the head was trained for, e.g. {@code all-minilm-l6-v2/fp32}; empty when not recorded. */
    public String encoder() {
        return encoder;
    }

    /** Capabilities of the models the bundle was trained on (empty when the bundle carries none). */
    public List<Candidate> zoo() {
        return zoo;
    }
}
