package org.aptituderouter.core.encoder;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.aptituderouter.core.inference.ExecutionProvider;
import org.aptituderouter.core.inference.InferenceSettings;
import org.aptituderouter.core.inference.InferenceStartupException;
import org.aptituderouter.core.inference.ModelResources;
import org.aptituderouter.core.inference.OrtSessions;

/**
 * Sentence embeddings of instructions: all-MiniLM-L6-v2 on ONNX Runtime, mean pooling over real tokens, then L2
 * normalisation, as sentence-transformers computes them. Texts longer than {@code maxTokens} tokens are truncated.
 *
 * <p>Thread-safe: concurrent {@link #encode} calls share one ONNX Runtime session (whose {@code run} is
 * thread-safe) and one tokenizer. {@link #close} must not race with encode calls.
 */
public final class MiniLmEncoder implements InstructionEncoder {

    public static final int DIMENSION = 384;

    private static final String INPUT_IDS = "input_ids";
    private static final String ATTENTION_MASK = "attention_mask";
    private static final String TOKEN_TYPE_IDS = "token_type_ids";
    private static final String HIDDEN_STATE = "last_hidden_state";
    /** Measured best on the CPU, see {@link #encode}. */
    private static final int CPU_MICRO_BATCH = 16;
    /** A GPU gains from large batches; length sorting still removes most padding. Not measured here (no GPU). */
    private static final int GPU_MICRO_BATCH = 256;
    /**
     * Most padding a micro-batch may carry, as a share of its real tokens. Without a limit, small batches of mixed
     * lengths (2 to 16 MMLU-Pro questions) encoded about a third slower per instruction than one by one on 2 CPU
     * cores; with 10% every batch size ran at the single-text rate or better.
     */
    private static final double PAD_TOLERANCE = 0.10;

    private final EncoderVariant variant;
    private final MiniLmTokenizer tokenizer;
    private final OrtSession session;
    private final ExecutionProvider provider;
    private final boolean wantsTokenTypes;
    private final String outputName;
    private final int microBatch;

    private MiniLmEncoder(EncoderVariant variant, MiniLmTokenizer tokenizer, OrtSessions.Opened opened) {
        this.variant = variant;
        this.tokenizer = tokenizer;
        this.session = opened.session();
        this.provider = opened.provider();
        this.wantsTokenTypes = session.getInputNames().contains(TOKEN_TYPE_IDS);
        if (!session.getInputNames().contains(INPUT_IDS)
                || !session.getInputNames().contains(ATTENTION_MASK)) {
            throw new InferenceStartupException(variant.modelResource() + " has inputs " + session.getInputNames()
                    + ", expected input_ids and attention_mask");
        }
        this.outputName = session.getOutputNames().contains(HIDDEN_STATE)
                ? HIDDEN_STATE
                : session.getOutputNames().iterator().next();
        this.microBatch = provider == ExecutionProvider.CPU ? CPU_MICRO_BATCH : GPU_MICRO_BATCH;
    }

    public static MiniLmEncoder create(InferenceSettings settings) {
        EncoderVariant variant = settings.encoderVariant();
        byte[] model = ModelResources.require(variant.modelResource(), MiniLmTokenizer.langchain4jJar(variant));
        MiniLmTokenizer tokenizer = MiniLmTokenizer.load(variant, settings.maxTokens());
        try {
            return new MiniLmEncoder(
                    variant, tokenizer, OrtSessions.open(model, settings, "encoder " + variant.modelResource()));
        } catch (RuntimeException e) {
            tokenizer.close();
            throw e;
        }
    }

    /**
     * One L2-normalised 384-dimensional embedding per text, in order; an empty list gives an empty array.
     *
     * <p>The texts run in micro-batches of similar token length: padding a whole batch to its longest text wastes
     * work on [PAD] tokens, and on the CPU large batches also spill the attention matrices out of cache. Measured on
     * MMLU-Pro questions (2 cores): 128 texts in length-sorted micro-batches of at most 16 encode about 40% faster
     * than as one padded batch of 128.
     */
    @Override
    public float[][] encode(List<String> texts) {
        if (texts.isEmpty()) {
            return new float[0][];
        }
        return encodeIds(tokenizer.ids(texts));
    }

    /**
     * Embeddings of token id sequences ([CLS] and [SEP] included), as {@link #encode} computes them for texts: how
     * the static encoder's table is distilled, one vocabulary token at a time.
     */
    public float[][] encodeIds(long[][] ids) {
        Integer[] byLength = new Integer[ids.length];
        Arrays.setAll(byLength, i -> i);
        Arrays.sort(byLength, Comparator.comparingInt(i -> ids[i].length));
        float[][] out = new float[ids.length][];
        for (int from = 0, to; from < ids.length; from = to) {
            to = microBatchEnd(ids, byLength, from);
            List<long[]> rows = new ArrayList<>(to - from);
            for (int k = from; k < to; k++) {
                rows.add(ids[byLength[k]]);
            }
            TokenBatch batch = TokenBatch.pad(rows);
            float[][] embeddings;
            try {
                embeddings = pool(batch, run(batch));
            } catch (OrtException e) {
                throw new IllegalStateException(
                        "encoder inference failed for a batch of " + rows.size() + ": " + e.getMessage(), e);
            }
            for (int k = from; k < to; k++) {
                out[byLength[k]] = embeddings[k - from];
            }
        }
        return out;
    }

    /**
     * Where the micro-batch starting at {@code from} (in ascending length order) ends: at the size limit, or before
     * the text whose length would make padding exceed the tolerated share of real tokens.
     */
    private int microBatchEnd(long[][] ids, Integer[] byLength, int from) {
        long real = ids[byLength[from]].length;
        int to = from + 1;
        while (to < ids.length && to - from < microBatch) {
            long longest = ids[byLength[to]].length;
            if (longest * (to - from + 1) > (real + longest) * (1 + PAD_TOLERANCE)) {
                break;
            }
            real += longest;
            to++;
        }
        return to;
    }

    private float[] run(TokenBatch tokens) throws OrtException {
        OrtEnvironment env = OrtSessions.environment();
        long[] shape = {tokens.batchSize(), tokens.length()};
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put(INPUT_IDS, OnnxTensor.createTensor(env, LongBuffer.wrap(tokens.ids()), shape));
            inputs.put(ATTENTION_MASK, OnnxTensor.createTensor(env, LongBuffer.wrap(tokens.attentionMask()), shape));
            if (wantsTokenTypes) {
                inputs.put(TOKEN_TYPE_IDS, OnnxTensor.createTensor(env, LongBuffer.wrap(tokens.typeIds()), shape));
            }
            try (OrtSession.Result result = session.run(inputs, java.util.Set.of(outputName))) {
                FloatBuffer out = ((OnnxTensor) result.get(0)).getFloatBuffer();
                float[] hidden = new float[out.remaining()];
                out.get(hidden);
                return hidden;
            }
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    /**
     * Mean of the token states under the attention mask, scaled to unit length. The states are only summed: the
     * mean's 1/count factor cancels in the normalisation.
     */
    private static float[][] pool(TokenBatch tokens, float[] hidden) {
        int length = tokens.length();
        if (hidden.length != tokens.batchSize() * length * DIMENSION) {
            throw new IllegalStateException("encoder returned " + hidden.length + " values, expected "
                    + tokens.batchSize() + " x " + length + " x " + DIMENSION);
        }
        long[] mask = tokens.attentionMask();
        float[][] out = new float[tokens.batchSize()][DIMENSION];
        for (int b = 0; b < tokens.batchSize(); b++) {
            float[] sum = out[b];
            for (int t = 0; t < length; t++) {
                if (mask[b * length + t] == 0) {
                    continue;
                }
                int base = (b * length + t) * DIMENSION;
                for (int d = 0; d < DIMENSION; d++) {
                    sum[d] += hidden[base + d];
                }
            }
            UnitLength.normalize(sum);
        }
        return out;
    }

    @Override
    public int dimension() {
        return DIMENSION;
    }

    @Override
    public int maxTokens() {
        return tokenizer.maxTokens();
    }

    public EncoderVariant variant() {
        return variant;
    }

    /** The provider the session really runs on: CPU after a permitted CUDA fallback. */
    @Override
    public ExecutionProvider provider() {
        return provider;
    }

    /** Names the weights, e.g. {@code all-minilm-l6-v2/fp32}. */
    @Override
    public String version() {
        return "all-minilm-l6-v2/" + variant.label();
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("cannot release the encoder session", e);
        } finally {
            tokenizer.close();
        }
    }
}
