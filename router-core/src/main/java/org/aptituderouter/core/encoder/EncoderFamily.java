package org.aptituderouter.core.encoder;

import java.util.Locale;

/** {@code router.inference.encoder}: which kind of encoder embeds instructions. */
public enum EncoderFamily {
    /** all-MiniLM-L6-v2, a 6-layer transformer, on ONNX Runtime (CPU or CUDA). */
    MINILM,
    /** A table of token vectors distilled from MiniLM (Model2Vec's method): tokenize, weighted mean, normalise. */
    STATIC;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code minilm} or {@code static}, any case. */
    public static EncoderFamily parse(String value) {
        for (EncoderFamily family : values()) {
            if (family.label().equalsIgnoreCase(value.trim())) {
                return family;
            }
        }
        throw new IllegalArgumentException("unknown encoder '" + value + "': use minilm or static");
    }
}
