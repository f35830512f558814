package org.aptituderouter.loadtest.chaos;

import java.util.Locale;
import org.aptituderouter.schemas.avro.DeadLetterReason;

/** Every class of bad instruction record the chaos run sends, with the dead-letter reason it must end up under. */
enum PoisonKind {
    RANDOM_BYTES(DeadLetterReason.DESERIALIZATION_FAILED),
    TRUNCATED_AVRO(DeadLetterReason.DESERIALIZATION_FAILED),
    UNKNOWN_SCHEMA_ID(DeadLetterReason.DESERIALIZATION_FAILED),
    OTHER_RECORD_SCHEMA(DeadLetterReason.DESERIALIZATION_FAILED),
    EMPTY_TEXT(DeadLetterReason.EMPTY_TEXT),
    WHITESPACE_TEXT(DeadLetterReason.EMPTY_TEXT),
    HUGE_TEXT(DeadLetterReason.INVALID_TEXT),
    INVALID_UTF8(DeadLetterReason.INVALID_TEXT),
    UNKNOWN_MODELS(DeadLetterReason.UNKNOWN_MODEL),
    NEGATIVE_LAMBDA(DeadLetterReason.INVALID_POLICY),
    THRESHOLD_OUT_OF_RANGE(DeadLetterReason.INVALID_POLICY);

    private static final String KEY_PREFIX = "chaos-poison-";

    private final DeadLetterReason expected;

    PoisonKind(DeadLetterReason expected) {
        this.expected = expected;
    }

    DeadLetterReason expected() {
        return expected;
    }

    String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The record key (and, where the value is an instruction, its id) of the n-th record of this kind. */
    String key(long n) {
        return KEY_PREFIX + label() + "-" + n;
    }

    /** The kind a key made by {@link #key} names, or null for any other key. */
    static PoisonKind ofKey(String key) {
        if (key == null || !key.startsWith(KEY_PREFIX)) {
            return null;
        }
        String rest = key.substring(KEY_PREFIX.length());
        for (PoisonKind kind : values()) {
            if (rest.startsWith(kind.label() + "-")) {
                return kind;
            }
        }
        return null;
    }
}
