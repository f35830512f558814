package org.aptituderouter.core.encoder;

/** Scales an embedding to unit length in place, as sentence-transformers does after pooling; zero stays zero. */
final class UnitLength {

    private UnitLength() {}

    static void normalize(float[] vector) {
        double norm = 0;
        for (float v : vector) {
            norm += (double) v * v;
        }
        float scale = norm > 0 ? (float) (1 / Math.sqrt(norm)) : 0f;
        for (int d = 0; d < vector.length; d++) {
            vector[d] *= scale;
        }
    }
}
