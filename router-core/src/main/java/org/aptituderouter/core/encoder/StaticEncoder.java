package org.aptituderouter.core.encoder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.aptituderouter.core.inference.ExecutionProvider;
import org.aptituderouter.core.inference.InferenceSettings;
import org.aptituderouter.core.inference.InferenceStartupException;

/**
 * The static encoder: MiniLM's WordPiece tokens of the text (without [CLS] and [SEP]), the mean of their vectors in
 * the distilled {@link StaticTable} (the vectors carry Model2Vec's frequency weights already), scaled to unit length.
 * No model runs: a text costs its tokenization and a few hundred additions per token. Thread-safe.
 */
public final class StaticEncoder implements InstructionEncoder {

    private final StaticTable table;
    private final MiniLmTokenizer tokenizer;

    StaticEncoder(StaticTable table, MiniLmTokenizer tokenizer) {
        if (table.rows() < tokenizer.vocabularySize()) {
            tokenizer.close();
            throw new InferenceStartupException("the static encoder table has " + table.rows() + " rows for a "
                    + tokenizer.vocabularySize() + "-token vocabulary: run bin/router distill again");
        }
        this.table = table;
        this.tokenizer = tokenizer;
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
        return new StaticEncoder(table, MiniLmTokenizer.load(EncoderVariant.FP32, settings.maxTokens()));
    }

    @Override
    public float[][] encode(List<String> texts) {
        if (texts.isEmpty()) {
            return new float[0][];
        }
        long[][] ids = tokenizer.ids(texts);
        int dimension = table.dimension();
        float[] vectors = table.vectors();
        float[][] out = new float[ids.length][dimension];
        for (int i = 0; i < ids.length; i++) {
            float[] sum = out[i];
            long[] tokens = ids[i];
            // [CLS] first and [SEP] last: the table holds word pieces, as Model2Vec encodes without special tokens
            for (int t = 1; t < tokens.length - 1; t++) {
                int base = (int) tokens[t] * dimension;
                for (int d = 0; d < dimension; d++) {
                    sum[d] += vectors[base + d];
                }
            }
            double norm = 0;
            for (int d = 0; d < dimension; d++) {
                norm += (double) sum[d] * sum[d];
            }
            float scale = norm > 0 ? (float) (1 / Math.sqrt(norm)) : 0f;
            for (int d = 0; d < dimension; d++) {
                sum[d] *= scale;
            }
        }
        return out;
    }

    @Override
    public int dimension() {
        return table.dimension();
    }

    @Override
    public int maxTokens() {
        return tokenizer.maxTokens();
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
        tokenizer.close();
    }
}
