package org.aptituderouter.core.encoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.aptituderouter.core.inference.ExecutionProvider;
import org.aptituderouter.core.inference.InferenceSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class InstructionEncoderTest {

    private static InstructionEncoder fp32;
    private static InstructionEncoder quantized;

    @BeforeAll
    static void load() {
        fp32 = InstructionEncoder.create(InferenceSettings.defaults());
        quantized =
                InstructionEncoder.create(InferenceSettings.defaults().withEncoderVariant(EncoderVariant.QUANTIZED));
    }

    @AfterAll
    static void close() {
        fp32.close();
        quantized.close();
    }

    @Test
    void unitLength384DimensionalEmbeddings() {
        float[][] e = fp32.encode(List.of("What is the capital of France?", "Solve for x: 2x + 3 = 7"));
        assertThat(fp32.dimension()).isEqualTo(384);
        assertThat(e).hasNumberOfRows(2);
        for (float[] row : e) {
            assertThat(row).hasSize(384);
            assertThat(norm(row)).isCloseTo(1.0, within(1e-5));
        }
        assertThat(fp32.provider()).isEqualTo(ExecutionProvider.CPU);
        assertThat(fp32.version()).isEqualTo("all-minilm-l6-v2/fp32");
    }

    @Test
    void similarSentencesAreCloserThanUnrelatedOnes() {
        float[][] e = fp32.encode(List.of(
                "A man is eating food.",
                "A man is eating a piece of bread.",
                "The stock market fell sharply on Monday."));
        assertThat(cosine(e[0], e[1])).isGreaterThan(cosine(e[0], e[2]) + 0.3);
        assertThat(cosine(e[0], e[1])).isGreaterThan(0.6);
    }

    @Test
    void quantizedEmbeddingsStayCloseToFullPrecision() {
        List<String> texts = List.of(
                "Which enzyme breaks down starch?\nA. amylase\nB. lipase\nC. pepsin",
                "What does a court of appeals review?",
                "hello world");
        float[][] a = fp32.encode(texts);
        float[][] b = quantized.encode(texts);
        for (int i = 0; i < texts.size(); i++) {
            assertThat(cosine(a[i], b[i])).as("text %d", i).isGreaterThan(0.95);
        }
        assertThat(quantized.version()).isEqualTo("all-minilm-l6-v2/quantized");
    }

    @Test
    void emptyBatchGivesNoEmbeddings() {
        assertThat(fp32.encode(List.of())).isEmpty();
    }

    @Test
    void paddingDoesNotChangeAnEmbedding() {
        // one token apart: close enough in length to share a micro-batch, so the shorter one is padded
        String shorter = "Why is the sky blue during the day?";
        String longer = "Why is the sky blue during the whole day?";
        try (MiniLmTokenizer tokenizer = MiniLmTokenizer.load(EncoderVariant.FP32, 256)) {
            long[][] ids = tokenizer.ids(List.of(shorter, longer));
            assertThat(ids[1].length - ids[0].length).isEqualTo(1);
        }
        float[] alone = fp32.encode(List.of(shorter))[0];
        float[] padded = fp32.encode(List.of(longer, shorter))[1];
        assertThat(cosine(alone, padded)).isCloseTo(1.0, within(1e-5));
    }

    @Test
    void tokenBatchesPadWithZerosAndMaskThem() {
        TokenBatch batch = TokenBatch.pad(List.of(new long[] {101, 7, 102}, new long[] {101, 102}));
        assertThat(batch.length()).isEqualTo(3);
        assertThat(batch.ids()).containsExactly(101, 7, 102, 101, 102, 0);
        assertThat(batch.attentionMask()).containsExactly(1, 1, 1, 1, 1, 0);
        assertThat(batch.idsOf(1)).containsExactly(101, 102);
    }

    @Test
    void aLargeBatchOfMixedLengthsKeepsItsOrder() {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            // lengths deliberately out of order, so the length-sorted micro-batches reorder the texts
            texts.add("Question " + i + ": " + "why is the sky blue? ".repeat((i * 7) % 11 + 1));
        }
        float[][] batched = fp32.encode(texts);
        for (int i = 0; i < texts.size(); i += 9) {
            assertThat(cosine(batched[i], fp32.encode(List.of(texts.get(i)))[0]))
                    .as("text %d", i)
                    .isCloseTo(1.0, within(1e-5));
        }
        assertThat(cosine(batched[1], batched[2])).isLessThan(0.9999);
    }

    @Test
    void aHundredThousandCharacterTextIsTruncatedNotRefused() {
        StringBuilder text = new StringBuilder();
        while (text.length() < 100_000) {
            text.append("The mitochondria is the powerhouse of the cell. ");
        }
        String huge = text.substring(0, 100_000);
        float[] embedding = fp32.encode(List.of(huge))[0];
        assertThat(norm(embedding)).isCloseTo(1.0, within(1e-5));
        // 256 tokens of this sentence fit in well under 2,000 characters: truncation makes the rest irrelevant
        float[] prefix = fp32.encode(List.of(huge.substring(0, 2_000)))[0];
        assertThat(cosine(embedding, prefix)).isCloseTo(1.0, within(1e-5));
    }

    @Test
    void maxTokensChangesWhatIsSeen() {
        try (InstructionEncoder eight =
                InstructionEncoder.create(InferenceSettings.defaults().withMaxTokens(8))) {
            String head = "Photosynthesis converts light into chemical energy";
            String text = head + " while the stock market fell sharply on Monday after the news.";
            assertThat(eight.maxTokens()).isEqualTo(8);
            // the tail lies beyond 8 tokens: invisible to the short encoder, visible to the default one
            assertThat(cosine(eight.encode(List.of(text))[0], eight.encode(List.of(head + " and more words"))[0]))
                    .isCloseTo(1.0, within(1e-5));
            assertThat(cosine(fp32.encode(List.of(text))[0], fp32.encode(List.of(head + " and more words"))[0]))
                    .isLessThan(0.99);
        }
    }

    @Test
    void concurrentCallsGiveTheSameEmbeddingsAsSequentialOnes() throws Exception {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            texts.add("Question number " + i + ": what is " + i + " times " + (i + 3) + "?");
        }
        float[][] sequential = fp32.encode(texts);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<float[]>> futures = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (String t : texts) {
                    futures.add(pool.submit(() -> fp32.encode(List.of(t))[0]));
                }
            }
            for (int i = 0; i < futures.size(); i++) {
                assertThat(cosine(futures.get(i).get(), sequential[i % texts.size()]))
                        .isCloseTo(1.0, within(1e-5));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
        }
        return dot / (norm(a) * norm(b));
    }

    static double norm(float[] a) {
        double s = 0;
        for (float v : a) {
            s += (double) v * v;
        }
        return Math.sqrt(s);
    }
}
