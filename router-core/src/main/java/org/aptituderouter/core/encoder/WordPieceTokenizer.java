package org.aptituderouter.core.encoder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import org.aptituderouter.core.inference.ModelResources;

/**
 * MiniLM's tokenizer (BERT uncased: BertNormalizer, BertPreTokenizer, WordPiece) in plain Java, for the static
 * encoder, where the native HuggingFace tokenizer behind JNI was the whole cost (about 5,700 MMLU-Pro questions/s on
 * 2 cores). Written by hand after HuggingFace tokenizers' Rust implementation; the vocabulary comes from the same
 * tokenizer.json as MiniLM's. {@code WordPieceTokenizerTest} holds it to the native tokenizer's ids on the shared
 * data sets. Immutable and thread-safe.
 */
public final class WordPieceTokenizer {

    private static final String PREFIX = "##";
    private static final int MAX_CHARS_PER_WORD = 100;
    private static final byte LETTER = 0;
    private static final byte SPACE = 1;
    private static final byte PUNCTUATION = 2;
    /** What each ASCII char is to the pre-tokenizer, by {@link #isWhitespace} and {@link #isPunctuation}. */
    private static final byte[] ASCII_KIND = new byte[0x80];

    static {
        for (int c = 0; c < 0x80; c++) {
            ASCII_KIND[c] = isWhitespace(c) ? SPACE : isPunctuation(c) ? PUNCTUATION : LETTER;
        }
    }

    private final int vocabularySize;
    /** Pieces that start a word, and pieces that continue one (stored without "##", so no lookup concatenates). */
    private final PieceTable starts;

    private final PieceTable continuations;
    /** Longest piece of each kind, in chars: no longer candidate is ever looked up. */
    private final int longestStart;

    private final int longestContinuation;
    private final int unknown;
    private final int maxPieces;

    private WordPieceTokenizer(Map<String, Integer> vocabulary, int maxPieces) {
        this.vocabularySize = vocabulary.size();
        Map<String, Integer> startPieces = new HashMap<>();
        Map<String, Integer> continuationPieces = new HashMap<>();
        int longStart = 1;
        int longContinuation = 1;
        for (Map.Entry<String, Integer> entry : vocabulary.entrySet()) {
            String piece = entry.getKey();
            if (piece.startsWith(PREFIX) && piece.length() > PREFIX.length()) {
                continuationPieces.put(piece.substring(PREFIX.length()), entry.getValue());
                longContinuation = Math.max(longContinuation, piece.length() - PREFIX.length());
            } else {
                startPieces.put(piece, entry.getValue());
                longStart = Math.max(longStart, piece.length());
            }
        }
        this.starts = new PieceTable(startPieces);
        this.continuations = new PieceTable(continuationPieces);
        this.longestStart = longStart;
        this.longestContinuation = longContinuation;
        this.unknown = vocabulary.get("[UNK]");
        this.maxPieces = maxPieces;
    }

    /**
     * @param maxTokens as for MiniLM, [CLS] and [SEP] included: a text keeps its first {@code maxTokens - 2} pieces
     */
    public static WordPieceTokenizer load(EncoderVariant variant, int maxTokens) {
        byte[] json = ModelResources.require(variant.tokenizerResource(), MiniLmTokenizer.langchain4jJar(variant));
        Map<String, Integer> vocabulary = new HashMap<>();
        try {
            JsonNode vocab = new ObjectMapper().readTree(json).path("model").path("vocab");
            for (Iterator<Map.Entry<String, JsonNode>> it = vocab.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                vocabulary.put(entry.getKey(), entry.getValue().asInt());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + variant.tokenizerResource(), e);
        }
        return new WordPieceTokenizer(vocabulary, maxTokens - 2);
    }

    public int vocabularySize() {
        return vocabularySize;
    }

    /** The word-piece ids of the text, without [CLS] and [SEP], at most {@code maxTokens - 2} of them. */
    public int[] ids(String text) {
        char[] normalized = normalizedChars(text);
        int length = normalized.length;
        int[] out = new int[Math.min(maxPieces, length + 1)];
        int count = 0;
        int i = 0;
        while (i < length && count < maxPieces) {
            char c = normalized[i];
            if (c < 0x80) {
                // the common case, by table: after normalization ASCII whitespace is a space
                byte kind = ASCII_KIND[c];
                if (kind == SPACE) {
                    i++;
                    continue;
                }
                int end = kind == PUNCTUATION ? i + 1 : wordEnd(normalized, i + 1);
                count = wordPieces(normalized, i, end, out, count);
                i = end;
                continue;
            }
            int cp = Character.codePointAt(normalized, i);
            if (isWhitespace(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int end = isPunctuation(cp) ? i + Character.charCount(cp) : wordEnd(normalized, i);
            count = wordPieces(normalized, i, end, out, count);
            i = end;
        }
        return count == out.length ? out : Arrays.copyOf(out, count);
    }

    /** Where the word that goes on at {@code from} ends: the next whitespace or punctuation, or the end. */
    private static int wordEnd(char[] text, int from) {
        int end = from;
        while (end < text.length) {
            char c = text[end];
            if (c < 0x80) {
                if (ASCII_KIND[c] != LETTER) {
                    return end;
                }
                end++;
                continue;
            }
            int cp = Character.codePointAt(text, end);
            if (isWhitespace(cp) || isPunctuation(cp)) {
                return end;
            }
            end += Character.charCount(cp);
        }
        return end;
    }

    /** Greedy longest-match-first over one word; a word with a piece missing from the vocabulary is [UNK]. */
    private int wordPieces(char[] text, int from, int to, int[] out, int count) {
        if (to - from > MAX_CHARS_PER_WORD && Character.codePointCount(text, from, to - from) > MAX_CHARS_PER_WORD) {
            return append(out, count, unknown);
        }
        int start = from;
        int first = count;
        while (start < to) {
            boolean firstPiece = start == from;
            PieceTable pieces = firstPiece ? starts : continuations;
            int end = Math.min(to, start + (firstPiece ? longestStart : longestContinuation));
            if (end < to && Character.isLowSurrogate(text[end])) {
                end--; // never split a surrogate pair: a longer piece could not match anyway
            }
            int piece = PieceTable.ABSENT;
            while (start < end) {
                piece = pieces.get(text, start, end);
                if (piece != PieceTable.ABSENT) {
                    break;
                }
                end--;
                if (end > start && Character.isLowSurrogate(text[end]) && Character.isHighSurrogate(text[end - 1])) {
                    end--; // one code point back, not half of one
                }
            }
            if (piece == PieceTable.ABSENT) {
                return append(out, first, unknown);
            }
            count = append(out, count, piece);
            start = end;
        }
        return count;
    }

    private int append(int[] out, int count, int id) {
        if (count < out.length) {
            out[count] = id;
            return count + 1;
        }
        return count; // truncated
    }

    /**
     * {@link #normalize} as chars. Plain printable ASCII, the usual instruction, takes one pass: whitespace to a
     * space, control characters dropped, lower case; anything else goes the general way.
     */
    static char[] normalizedChars(String text) {
        int length = text.length();
        char[] out = new char[length];
        int n = 0;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                return normalize(text).toCharArray();
            }
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                out[n++] = ' ';
            } else if (c >= 'A' && c <= 'Z') {
                out[n++] = (char) (c + ('a' - 'A'));
            } else if (c >= 0x20 && c != 0x7F) {
                out[n++] = c;
            } // else a control character (NUL included), dropped as BertNormalizer does
        }
        return n == length ? out : Arrays.copyOf(out, n);
    }

    /**
     * BertNormalizer: control characters dropped, whitespace to a space, CJK ideographs set apart, accents stripped
     * (NFD, combining marks removed), lower case.
     */
    static String normalize(String text) {
        StringBuilder clean = new StringBuilder(text.length() + 16);
        boolean ascii = true;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c == 0 || c == 0xFFFD || isControl(c)) {
                continue;
            }
            if (isWhitespace(c)) {
                clean.append(' ');
            } else if (isChinese(c)) {
                clean.append(' ').appendCodePoint(c).append(' ');
                ascii = false;
            } else {
                clean.appendCodePoint(c);
                ascii &= c < 0x80;
            }
        }
        String cleaned = clean.toString();
        if (!ascii) {
            String decomposed = Normalizer.normalize(cleaned, Normalizer.Form.NFD);
            StringBuilder stripped = new StringBuilder(decomposed.length());
            for (int i = 0; i < decomposed.length(); ) {
                int c = decomposed.codePointAt(i);
                i += Character.charCount(c);
                if (Character.getType(c) != Character.NON_SPACING_MARK) {
                    stripped.appendCodePoint(c);
                }
            }
            cleaned = stripped.toString();
        }
        return cleaned.toLowerCase(Locale.ROOT);
    }

    /** Unicode White_Space, as Rust's {@code char::is_whitespace}. */
    static boolean isWhitespace(int c) {
        if (c < 0x80) {
            return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0B || c == 0x0C;
        }
        if (c == 0x85) {
            return true;
        }
        int type = Character.getType(c);
        return type == Character.SPACE_SEPARATOR
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }

    /** General category C (other), except tab, newline and carriage return, which count as whitespace. */
    static boolean isControl(int c) {
        if (c == '\t' || c == '\n' || c == '\r') {
            return false;
        }
        int type = Character.getType(c);
        return type == Character.CONTROL
                || type == Character.FORMAT
                || type == Character.SURROGATE
                || type == Character.PRIVATE_USE
                || type == Character.UNASSIGNED;
    }

    /** ASCII punctuation, or general category P. */
    static boolean isPunctuation(int c) {
        if (c < 0x80) {
            return (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126);
        }
        int type = Character.getType(c);
        return type == Character.CONNECTOR_PUNCTUATION
                || type == Character.DASH_PUNCTUATION
                || type == Character.START_PUNCTUATION
                || type == Character.END_PUNCTUATION
                || type == Character.INITIAL_QUOTE_PUNCTUATION
                || type == Character.FINAL_QUOTE_PUNCTUATION
                || type == Character.OTHER_PUNCTUATION;
    }

    static boolean isChinese(int c) {
        return (c >= 0x4E00 && c <= 0x9FFF)
                || (c >= 0x3400 && c <= 0x4DBF)
                || (c >= 0x20000 && c <= 0x2A6DF)
                || (c >= 0x2A700 && c <= 0x2B73F)
                || (c >= 0x2B740 && c <= 0x2B81F)
                || (c >= 0x2B920 && c <= 0x2CEAF)
                || (c >= 0xF900 && c <= 0xFAFF)
                || (c >= 0x2F800 && c <= 0x2FA1F);
    }
}
