package org.aptituderouter.core.scoring;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.nio.FloatBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import org.aptituderouter.core.inference.ExecutionProvider;
import org.aptituderouter.core.inference.InferenceSettings;
import org.aptituderouter.core.inference.InferenceStartupException;
import org.aptituderouter.core.inference.OrtSessions;

/**
 * The learned Model-SAT scorer: P(candidate answers the instruction correctly) for every pair of B instruction
 * embeddings and M capability vectors, in one ONNX Runtime call. Inputs {@code embedding} [B,D] and
 * {@code capabilities} [M,K], output {@code probability} [B,M].
 *
 * <p>Thread-safe: ONNX Runtime sessions may run concurrently. {@link #close} must not race with score calls.
 */
public final class ScorerHead implements AutoCloseable {

    static final String EMBEDDING = "embedding";
    static final String CAPABILITIES = "capabilities";
    static final String PROBABILITY = "probability";

    private final OrtSession session;
    private final ExecutionProvider provider;
    private final String version;
    private final int embeddingDimension;
    private final int capabilityDimension;

    private ScorerHead(OrtSessions.Opened opened, String version, String source) {
        this.session = opened.session();
        this.provider = opened.provider();
        this.version = version;
        try {
            Map<String, NodeInfo> inputs = session.getInputInfo();
            if (!inputs.containsKey(EMBEDDING)
                    || !inputs.containsKey(CAPABILITIES)
                    || !session.getOutputNames().contains(PROBABILITY)) {
                throw new InferenceStartupException("scorer model " + source + " has inputs " + inputs.keySet()
                        + " and outputs " + session.getOutputNames()
                        + "; expected inputs embedding, capabilities and output probability");
            }
            this.embeddingDimension = secondDimension(inputs.get(EMBEDDING));
            this.capabilityDimension = secondDimension(inputs.get(CAPABILITIES));
        } catch (OrtException e) {
            throw new InferenceStartupException("cannot inspect scorer model " + source + ": " + e.getMessage(), e);
        }
    }

    /** @param source where the bytes came from, for messages */
    public static ScorerHead fromBytes(byte[] model, InferenceSettings settings, String source) {
        // The head is tiny next to the encoder (well under 1% of routing time). A thread pool of its own would
        // spin after each call and steal the cores the encoder needs: on 2 cores that cost the router about a
        // quarter of its throughput at batch sizes 2 to 16. Running on the calling thread costs nothing.
        InferenceSettings singleThreaded = settings.withIntraOpThreads(1);
        OrtSessions.Opened opened = OrtSessions.open(model, singleThreaded, "scorer model " + source);
        try {
            return new ScorerHead(opened, "scorer-head@" + fingerprint(model), source);
        } catch (RuntimeException e) {
            closeQuietly(opened.session(), e);
            throw e;
        }
    }

    /**
     * @param embeddings   B rows of {@link #embeddingDimension()} values
     * @param capabilities M rows of {@link #capabilityDimension()} values
     * @return B rows of M probabilities
     */
    public float[][] score(float[][] embeddings, float[][] capabilities) {
        int batch = embeddings.length;
        int models = capabilities.length;
        if (batch == 0 || models == 0) {
            float[][] empty = new float[batch][];
            java.util.Arrays.setAll(empty, i -> new float[models]);
            return empty;
        }
        FloatBuffer embeddingData = flatten(embeddings, embeddingDimension, "embedding");
        FloatBuffer capabilityData = flatten(capabilities, capabilityDimension, "capability vector");
        OrtEnvironment env = OrtSessions.environment();
        try (OnnxTensor e = OnnxTensor.createTensor(env, embeddingData, new long[] {batch, embeddingDimension});
                OnnxTensor c = OnnxTensor.createTensor(env, capabilityData, new long[] {models, capabilityDimension});
                OrtSession.Result result = session.run(Map.of(EMBEDDING, e, CAPABILITIES, c), Set.of(PROBABILITY))) {
            FloatBuffer out = ((OnnxTensor) result.get(0)).getFloatBuffer();
            if (out.remaining() != batch * models) {
                throw new IllegalStateException(
                        "scorer returned " + out.remaining() + " values, expected " + batch + " x " + models);
            }
            float[][] probabilities = new float[batch][models];
            for (float[] row : probabilities) {
                out.get(row);
            }
            return probabilities;
        } catch (OrtException ex) {
            throw new IllegalStateException(
                    "scorer inference failed for " + batch + " x " + models + ": " + ex.getMessage(), ex);
        }
    }

    private static FloatBuffer flatten(float[][] rows, int width, String what) {
        FloatBuffer data = FloatBuffer.allocate(rows.length * width);
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != width) {
                throw new IllegalArgumentException(
                        what + " " + i + " has " + rows[i].length + " values, the scorer expects " + width);
            }
            data.put(rows[i]);
        }
        return data.flip();
    }

    /** Width of the embedding input, fixed by the exported graph (384 for MiniLM). */
    public int embeddingDimension() {
        return embeddingDimension;
    }

    /** Width of the capability input: the number of aptitude-test tasks the head was trained on. */
    public int capabilityDimension() {
        return capabilityDimension;
    }

    public ExecutionProvider provider() {
        return provider;
    }

    /** {@code scorer-head@} and the first 12 hex digits of the graph's SHA-256: changes whenever the weights do. */
    public String version() {
        return version;
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("cannot release the scorer session", e);
        }
    }

    private static int secondDimension(NodeInfo input) {
        long[] shape = ((TensorInfo) input.getInfo()).getShape();
        if (shape.length != 2 || shape[1] <= 0) {
            throw new InferenceStartupException("scorer input " + input.getName() + " has shape "
                    + java.util.Arrays.toString(shape) + "; expected [batch, fixed width]");
        }
        return (int) shape[1];
    }

    private static String fingerprint(byte[] model) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(model);
            return HexFormat.of().formatHex(digest).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static void closeQuietly(OrtSession session, RuntimeException failure) {
        try {
            session.close();
        } catch (OrtException e) {
            failure.addSuppressed(e);
        }
    }
}
