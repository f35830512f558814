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

    private final int vocabularySize;
    /** Pieces that start a word, and pieces that continue one (stored without "##", so no lookup concatenates). */
    private final Map<String, Integer> starts = new HashMap<>();
    private final Map<String, Integer> continuations = new HashMap<>();
    /** Longest piece of each kind, in chars: no longer candidate is ever looked up. */
    private final int longestStart;
    private final int longestContinuation;
    private final int unknown;
    private final int maxPieces;

    private WordPieceTokenizer(Map<String, Integer> vocabulary, int maxPieces) {
        this.vocabularySize = vocabulary.size();
        int longStart = 1;
        int longContinuation = 1;
        for (Map.Entry<String, Integer> entry : vocabulary.entrySet()) {
            String piece = entry.getKey();
            if (piece.startsWith(PREFIX) && piece.length() > PREFIX.length()) {
                continuations.put(piece.substring(PREFIX.length()), entry.getValue());
                longContinuation = Math.max(longContinuation, piece.length() - PREFIX.length());
            } else {
                starts.put(piece, entry.getValue());
                longStart = Math.max(longStart, piece.length());
            }
        }
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
        String normalized = normalize(text);
        int[] out = new int[Math.min(maxPieces, normalized.length() + 1)];
        int count = 0;
        int length = normalized.length();
        int i = 0;
        while (i < length && count < maxPieces) {
            int c = normalized.codePointAt(i);
            if (isWhitespace(c)) {
                i += Character.charCount(c);
                continue;
            }
            int end;
            if (isPunctuation(c)) {
                end = i + Character.charCount(c);
            } else {
                end = i;
                while (end < length) {
                    int d = normalized.codePointAt(end);
                    if (isWhitespace(d) || isPunctuation(d)) {
                        break;
                    }
                    end += Character.charCount(d);
                }
            }
            count = wordPieces(normalized, i, end, out, count);
            i = end;
        }
        return count == out.length ? out : Arrays.copyOf(out, count);
    }

    /** Greedy longest-match-first over one word; a word with a piece missing from the vocabulary is [UNK]. */
    private int wordPieces(String text, int from, int to, int[] out, int count) {
        if (text.codePointCount(from, to) > MAX_CHARS_PER_WORD) {
            return append(out, count, unknown);
        }
        int start = from;
        int first = count;
        while (start < to) {
            boolean firstPiece = start == from;
            Map<String, Integer> pieces = firstPiece ? starts : continuations;
            int end = Math.min(to, start + (firstPiece ? longestStart : longestContinuation));
            if (end < to && Character.isLowSurrogate(text.charAt(end))) {
                end--; // never split a surrogate pair: a longer piece could not match anyway
            }
            Integer piece = null;
            while (start < end) {
                piece = pieces.get(text.substring(start, end));
                if (piece != null) {
                    break;
                }
                end = text.offsetByCodePoints(end, -1);
            }
            if (piece == null) {
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
        return type == Character.SPACE_SEPARATOR || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }

    /** General category C (other), except tab, newline and carriage return, which count as whitespace. */
    static boolean isControl(int c) {
        if (c == '\t' || c == '\n' || c == '\r') {
            return false;
        }
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                || type == Character.PRIVATE_USE || type == Character.UNASSIGNED;
    }

    /** ASCII punctuation, or general category P. */
    static boolean isPunctuation(int c) {
        if (c < 0x80) {
            return (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126);
        }
        int type = Character.getType(c);
        return type == Character.CONNECTOR_PUNCTUATION || type == Character.DASH_PUNCTUATION
                || type == Character.START_PUNCTUATION || type == Character.END_PUNCTUATION
                || type == Character.INITIAL_QUOTE_PUNCTUATION || type == Character.FINAL_QUOTE_PUNCTUATION
                || type == Character.OTHER_PUNCTUATION;
    }

    static boolean isChinese(int c) {
        return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x20000 && c <= 0x2A6DF)
                || (c >= 0x2A700 && c <= 0x2B73F) || (c >= 0x2B740 && c <= 0x2B81F) || (c >= 0x2B920 && c <= 0x2CEAF)
                || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x2F800 && c <= 0x2FA1F);
    }
}
