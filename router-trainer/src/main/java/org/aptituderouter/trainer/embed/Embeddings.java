package org.aptituderouter.trainer.embed;

/**
 * Question embeddings and the encoder that made them.
 *
 * @param rows           one L2-normalised embedding per question, in data-set row order
 * @param encoderVersion router-core's name for the encoder weights, e.g. {@code all-minilm-l6-v2/fp32}
 */
public record Embeddings(float[][] rows, String encoderVersion, int maxTokens) {

    public int dimension() {
        return rows.length == 0 ? 0 : rows[0].length;
    }
}
