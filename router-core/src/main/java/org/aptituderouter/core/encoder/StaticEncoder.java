package org.aptituderouter.core.encoder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.aptituderouter.core.inference.ExecutionProvider;
import org.aptituderouter.core.inference.InferenceSettings;
import org.aptituderouter.core.inference.InferenceStartupException;

/**
 * The static encoder: MiniLM's WordPiece tokens of the text (without [CLS] and [SEP], by {@link WordPieceTokenizer}
 * in plain Java), the mean of their vectors in the distilled {@link StaticTable} (the vectors carry Model2Vec's
 * frequency weights already), scaled to unit length. No model runs: a text costs its tokenization and a few hundred
 * additions per token. Thread-safe.
 */
public final class StaticEncoder implements InstructionEncoder {

    private final StaticTable table;
    private final WordPieceTokenizer tokenizer;
    private final int maxTokens;

    StaticEncoder(StaticTable table, WordPieceTokenizer tokenizer, int maxTokens) {
        if (table.rows() < tokenizer.vocabularySize()) {
            throw new InferenceStartupException("the static encoder table has " + table.rows() + " rows for a "
                    + tokenizer.vocabularySize() + "-token vocabulary: run bin/router distill again");
        }
        this.table = table;
        this.tokenizer = tokenizer;
        this.maxTokens = maxTokens;
    }

    /** The table the settings name, else the distilled one in the user's cache. */
    public static StaticEncoder create(InferenceSettings settings) {
        Path file = settings.staticTable() != null ? settings.staticTable() : StaticTable.defaultPath();
        if (!Files.isRegularFile(file)) {
            throw new InferenceStartupException("the static encoder's table " + file.toAbsolutePath()
                    + " does not exist: run bin/router distill (about a minute), or use a bundle trained for the "
                    + "static encoder, which carries its table");
        }
        return create(StaticTable.read(file), settings);
    }

    public static StaticEncoder create(StaticTable table, InferenceSettings settings) {
        return new StaticEncoder(
                table, WordPieceTokenizer.load(EncoderVariant.FP32, settings.maxTokens()), settings.maxTokens());
    }

    @Override
    public float[][] encode(List<String> texts) {
        if (texts.isEmpty()) {
            return new float[0][];
        }
        int dimension = table.dimension();
        float[] vectors = table.vectors();
        float[][] out = new float[texts.size()][dimension];
        for (int i = 0; i < out.length; i++) {
            // word pieces only, as Model2Vec encodes: no [CLS] or [SEP]
            addRows(tokenizer.ids(texts.get(i)), vectors, dimension, out[i]);
            UnitLength.normalize(out[i]);
        }
        return out;
    }

    /**
     * Adds the tokens' rows to {@code sum}, four rows per pass: one load and store of {@code sum} per four rows
     * instead of per row made the sum about 1.8 times as fast (the JIT vectorizes both loops).
     */
    static void addRows(int[] tokens, float[] vectors, int dimension, float[] sum) {
        int k = 0;
        for (; k + 3 < tokens.length; k += 4) {
            int a = tokens[k] * dimension;
            int b = tokens[k + 1] * dimension;
            int c = tokens[k + 2] * dimension;
            int e = tokens[k + 3] * dimension;
            for (int d = 0; d < dimension; d++) {
                sum[d] += (vectors[a + d] + vectors[b + d]) + (vectors[c + d] + vectors[e + d]);
            }
        }
        for (; k < tokens.length; k++) {
            int a = tokens[k] * dimension;
            for (int d = 0; d < dimension; d++) {
                sum[d] += vectors[a + d];
            }
        }
    }

    @Override
    public int dimension() {
        return table.dimension();
    }

    @Override
    public int maxTokens() {
        return maxTokens;
    }

    @Override
    public ExecutionProvider provider() {
        return ExecutionProvider.CPU;
    }

    /** {@code static-<fingerprint>/<dimension>}: another table is another embedding space, so another family. */
    @Override
    public String version() {
        return "static-" + table.fingerprint() + "/" + table.dimension();
    }

    @Override
    public void close() {
        // nothing native to release
    }
}
