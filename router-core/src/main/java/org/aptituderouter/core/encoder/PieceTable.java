package org.aptituderouter.core.encoder;

import java.util.Arrays;
import java.util.Map;

/**
 * Word pieces to ids, looked up by a range of a char array, so tokenizing a word allocates no substring. Open
 * addressing over a power-of-two table whose slots keep each piece's hash, offset and length in flat arrays, so a
 * probe compares chars only when the hashes agree. Written by hand because {@link java.util.HashMap} needs a key
 * object per lookup, which was a fifth of the static encoder's time. Immutable and thread-safe.
 */
final class PieceTable {

    static final int ABSENT = -1;

    private final char[] chars;
    private final int[] hashes;
    private final int[] offsets;
    private final int[] lengths;
    private final int[] values;
    private final int mask;

    PieceTable(Map<String, Integer> pieces) {
        int capacity = Integer.highestOneBit(Math.max(4, pieces.size() * 2 - 1)) << 1;
        this.hashes = new int[capacity];
        this.offsets = new int[capacity];
        this.lengths = new int[capacity];
        this.values = new int[capacity];
        this.mask = capacity - 1;
        Arrays.fill(values, ABSENT);
        StringBuilder pool = new StringBuilder();
        for (Map.Entry<String, Integer> entry : pieces.entrySet()) {
            char[] key = entry.getKey().toCharArray();
            int hash = hash(key, 0, key.length);
            int slot = hash & mask;
            while (values[slot] != ABSENT) {
                slot = (slot + 1) & mask;
            }
            hashes[slot] = hash;
            offsets[slot] = pool.length();
            lengths[slot] = key.length;
            values[slot] = entry.getValue();
            pool.append(key);
        }
        this.chars = pool.toString().toCharArray();
    }

    /** The id of {@code text[from, to)}, or {@link #ABSENT}. */
    int get(char[] text, int from, int to) {
        int hash = hash(text, from, to);
        int length = to - from;
        for (int slot = hash & mask; values[slot] != ABSENT; slot = (slot + 1) & mask) {
            if (hashes[slot] == hash && lengths[slot] == length && sameChars(offsets[slot], text, from, length)) {
                return values[slot];
            }
        }
        return ABSENT;
    }

    private boolean sameChars(int offset, char[] text, int from, int length) {
        for (int i = 0; i < length; i++) {
            if (chars[offset + i] != text[from + i]) {
                return false;
            }
        }
        return true;
    }

    private static int hash(char[] text, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + text[i];
        }
        return h ^ (h >>> 16);
    }
}
