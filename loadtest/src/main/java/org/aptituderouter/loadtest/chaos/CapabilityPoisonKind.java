package org.aptituderouter.loadtest.chaos;

import java.util.Locale;

/** Every class of bad capability record the chaos run publishes; none may stop the router or join the zoo. */
enum CapabilityPoisonKind {
    WRONG_LENGTH,
    NAN_SCORE,
    WRONG_TEST_ID,
    GARBAGE_BYTES,
    /** A tombstone for a model that was never published: harmless, but must not stop anything either. */
    UNKNOWN_TOMBSTONE;

    static final String KEY_PREFIX = "chaos-bad-model-";

    String key(long n) {
        return KEY_PREFIX + name().toLowerCase(Locale.ROOT).replace('_', '-') + "-" + n;
    }

    /** A record that must be rejected (not a tombstone, which is only ignored). */
    boolean invalid() {
        return this != UNKNOWN_TOMBSTONE;
    }
}
