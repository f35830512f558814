package org.aptituderouter.core.encoder;

import java.util.List;
import org.aptituderouter.core.inference.ExecutionProvider;
import org.aptituderouter.core.inference.InferenceSettings;

/**
 * Sentence embeddings of instructions, unit length, one per text. Two families: all-MiniLM-L6-v2 on ONNX Runtime
 * ({@link MiniLmEncoder}) and a static table distilled from it ({@link StaticEncoder}). A scorer head is trained for
 * one family and reads only its embeddings. Implementations are thread-safe; {@link #close} must not race with
 * {@link #encode}.
 */
public interface InstructionEncoder extends AutoCloseable {

    /** The encoder the settings name. */
    static InstructionEncoder create(InferenceSettings settings) {
        return switch (settings.encoder()) {
            case MINILM -> MiniLmEncoder.create(settings);
            case STATIC -> StaticEncoder.create(settings);
        };
    }

    /** One embedding per text, in order; an empty list gives an empty array. */
    float[][] encode(List<String> texts);

    int dimension();

    /** Instructions are truncated to this many tokens. */
    int maxTokens();

    /** Where the encoder runs: the static encoder always on the calling thread's CPU. */
    ExecutionProvider provider();

    /** Names the family before the slash and the weights after it, e.g. {@code all-minilm-l6-v2/fp32}. */
    String version();

    @Override
    void close();
}
