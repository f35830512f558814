package org.aptituderouter.core.encoder;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Token ids must be the ones the weights were trained with: checked against the vocabulary in tokenizer.json. */
class MiniLmTokenizerTest {

    private static JsonNode vocab;
    private static MiniLmTokenizer tokenizer;

    @BeforeAll
    static void load() throws Exception {
        try (InputStream in = MiniLmTokenizerTest.class
                .getClassLoader()
                .getResourceAsStream(EncoderVariant.FP32.tokenizerResource())) {
            vocab = new ObjectMapper().readTree(in).path("model").path("vocab");
        }
        tokenizer = MiniLmTokenizer.load(EncoderVariant.FP32, 16);
    }

    @AfterAll
    static void close() {
        tokenizer.close();
    }

    @Test
    void helloWorld() {
        assertThat(ids("hello world")).containsExactly(101, 7592, 2088, 102);
        assertThat(ids("hello world")).containsExactly(id("[CLS]"), id("hello"), id("world"), id("[SEP]"));
    }

    @Test
    void lowercasesStripsAccentsAndSplitsWordPieces() {
        assertThat(ids("Hello, Café Tokenization!"))
                .containsExactly(
                        id("[CLS]"),
                        id("hello"),
                        id(","),
                        id("cafe"),
                        id("token"),
                        id("##ization"),
                        id("!"),
                        id("[SEP]"));
    }

    @Test
    void truncatesToMaxTokensKeepingTheSeparator() {
        String longText = "the ".repeat(100);
        long[] ids = ids(longText);
        assertThat(ids).hasSize(16);
        assertThat(ids[0]).isEqualTo(id("[CLS]"));
        assertThat(ids[15]).isEqualTo(id("[SEP]"));
        assertThat(ids[1]).isEqualTo(id("the"));
    }

    @Test
    void padsABatchToItsLongestText() {
        TokenBatch batch = tokenizer.tokenize(List.of("hello world", "hello", "the the the the the"));
        assertThat(batch.batchSize()).isEqualTo(3);
        assertThat(batch.length()).isEqualTo(7);
        assertThat(batch.idsOf(1)).containsExactly(101, 7592, 102);
        long[] row1Mask = java.util.Arrays.copyOfRange(batch.attentionMask(), 7, 14);
        assertThat(row1Mask).containsExactly(1, 1, 1, 0, 0, 0, 0);
        long[] row1Ids = java.util.Arrays.copyOfRange(batch.ids(), 7, 14);
        assertThat(row1Ids).containsExactly(101, 7592, 102, 0, 0, 0, 0);
        assertThat(batch.typeIds()).containsOnly(0L);
    }

    @Test
    void precutOfVeryLongTextKeepsTheSameTokens() {
        String text = "word ".repeat(50_000);
        try (MiniLmTokenizer wide = MiniLmTokenizer.load(EncoderVariant.FP32, 256)) {
            long[] ids = wide.tokenize(List.of(text)).idsOf(0);
            assertThat(ids).hasSize(256);
            assertThat(ids[255]).isEqualTo(id("[SEP]"));
            assertThat(java.util.Arrays.copyOfRange(ids, 1, 255)).containsOnly(id("word"));
        }
    }

    @Test
    void quantizedVariantSharesTheVocabulary() {
        try (MiniLmTokenizer q = MiniLmTokenizer.load(EncoderVariant.QUANTIZED, 16)) {
            assertThat(q.tokenize(List.of("Hello, Café Tokenization!")).idsOf(0))
                    .containsExactly(ids("Hello, Café Tokenization!"));
        }
    }

    private static long[] ids(String text) {
        return tokenizer.tokenize(List.of(text)).idsOf(0);
    }

    private static long id(String token) {
        JsonNode id = vocab.get(token);
        assertThat(id).as("vocabulary has %s", token).isNotNull();
        return id.asLong();
    }
}
