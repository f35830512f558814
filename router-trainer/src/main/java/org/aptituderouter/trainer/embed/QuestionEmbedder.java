package org.aptituderouter.trainer.embed;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntConsumer;
import org.aptituderouter.core.InstructionText;
import org.aptituderouter.core.encoder.InstructionEncoder;
import org.aptituderouter.core.inference.InferenceSettings;
import org.aptituderouter.trainer.data.Fingerprint;
import org.aptituderouter.trainer.data.Question;

/**
 * Embeds questions exactly as the router will embed instructions: {@link InstructionText#of} rendering, the
 * router-core encoder (fp32), its truncation. Results are cached by a fingerprint of all of that.
 */
public final class QuestionEmbedder {

    private static final int BATCH = 32;

    private final InferenceSettings settings;
    private final EmbeddingCache cache;

    public QuestionEmbedder(InferenceSettings settings, EmbeddingCache cache) {
        this.settings = settings;
        this.cache = cache;
    }

    /**
     * One embedding per question, in order.
     *
     * @param progress told how many questions are embedded, after each batch and once at the end (a cache hit
     *     reports only the end)
     */
    public Embeddings embed(List<Question> questions, IntConsumer progress) {
        List<String> texts = questions.stream()
                .map(q -> InstructionText.of(q.question(), q.options()))
                .toList();
        try (InstructionEncoder encoder = InstructionEncoder.create(settings)) {
            String fingerprint = fingerprint(encoder, texts);
            float[][] rows = cache.load(fingerprint, texts.size(), encoder.dimension())
                    .orElseGet(() -> {
                        float[][] encoded = encode(encoder, texts, progress);
                        cache.store(fingerprint, encoded);
                        return encoded;
                    });
            progress.accept(texts.size());
            return new Embeddings(rows, encoder.version(), encoder.maxTokens());
        }
    }

    private static String fingerprint(InstructionEncoder encoder, List<String> texts) {
        List<String> parts = new ArrayList<>();
        parts.add(encoder.version());
        parts.add(Integer.toString(encoder.maxTokens()));
        parts.addAll(texts);
        return Fingerprint.ofStrings(parts);
    }

    /** Batches texts of similar length together: a batch is padded to its longest text, so this saves work. */
    private static float[][] encode(InstructionEncoder encoder, List<String> texts, IntConsumer progress) {
        Integer[] order = new Integer[texts.size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingInt(i -> texts.get(i).length()));
        float[][] rows = new float[texts.size()][];
        for (int start = 0; start < order.length; start += BATCH) {
            int end = Math.min(start + BATCH, order.length);
            List<String> batch = new ArrayList<>();
            for (int k = start; k < end; k++) {
                batch.add(texts.get(order[k]));
            }
            float[][] embedded = encoder.encode(batch);
            for (int k = start; k < end; k++) {
                rows[order[k]] = embedded[k - start];
            }
            progress.accept(end);
        }
        return rows;
    }
}
