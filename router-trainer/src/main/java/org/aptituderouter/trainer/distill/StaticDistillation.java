package org.aptituderouter.trainer.distill;

import java.util.function.IntConsumer;
import org.aptituderouter.core.encoder.MiniLmEncoder;
import org.aptituderouter.core.encoder.StaticTable;
import org.aptituderouter.core.encoder.WordPieceTokenizer;

/**
 * Distils the static encoder's table from MiniLM by Model2Vec's method: every vocabulary token, alone between
 * [CLS] and [SEP], through MiniLM (its sentence embedding); PCA to fewer dimensions (centring removes the direction
 * all tokens share); then each token's vector scaled by its SIF weight {@code a / (a + p(token))}, with p from a Zipf
 * law over the token's rank (WordPiece vocabularies list frequent words first), so frequent tokens weigh little in a
 * mean. Deterministic for given MiniLM weights.
 */
public final class StaticDistillation {

    /** Model2Vec's default dimensions and SIF coefficient. */
    public static final int DEFAULT_DIMENSIONS = 256;

    static final double SIF_COEFFICIENT = 1e-4;

    private static final long CLS = 101;
    private static final long SEP = 102;
    private static final int BATCH = 512;

    private StaticDistillation() {}

    /**
     * @param progress told how many tokens are embedded so far
     */
    public static StaticTable distil(MiniLmEncoder teacher, int dimensions, IntConsumer progress) {
        // the vocabulary of the teacher's own tokenizer.json: every id the static encoder can meet
        int vocabulary =
                WordPieceTokenizer.load(teacher.variant(), teacher.maxTokens()).vocabularySize();
        float[][] tokens = new float[vocabulary][];
        for (int start = 0; start < vocabulary; start += BATCH) {
            int end = Math.min(start + BATCH, vocabulary);
            long[][] ids = new long[end - start][];
            for (int id = start; id < end; id++) {
                ids[id - start] = new long[] {CLS, id, SEP};
            }
            float[][] embedded = teacher.encodeIds(ids);
            System.arraycopy(embedded, 0, tokens, start, embedded.length);
            progress.accept(end);
        }
        Pca pca = Pca.fit(tokens, dimensions);
        double[] weights = sifWeights(vocabulary);
        float[] vectors = new float[vocabulary * dimensions];
        for (int id = 0; id < vocabulary; id++) {
            float[] projected = pca.project(tokens[id]);
            for (int d = 0; d < dimensions; d++) {
                vectors[id * dimensions + d] = (float) (projected[d] * weights[id]);
            }
        }
        return new StaticTable(teacher.version(), vocabulary, dimensions, vectors);
    }

    /** {@code a / (a + p(rank))} with {@code p(rank)} proportional to {@code 1 / (rank + 2)}, as Model2Vec weighs. */
    static double[] sifWeights(int vocabulary) {
        double total = 0;
        for (int rank = 0; rank < vocabulary; rank++) {
            total += 1.0 / (rank + 2);
        }
        double[] weights = new double[vocabulary];
        for (int rank = 0; rank < vocabulary; rank++) {
            double p = 1.0 / (rank + 2) / total;
            weights[rank] = SIF_COEFFICIENT / (SIF_COEFFICIENT + p);
        }
        return weights;
    }
}
