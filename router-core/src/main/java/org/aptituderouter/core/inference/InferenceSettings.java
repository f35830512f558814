package org.aptituderouter.core.inference;

import java.nio.file.Path;
import java.util.Objects;
import org.aptituderouter.core.encoder.EncoderFamily;
import org.aptituderouter.core.encoder.EncoderVariant;

/**
 * How the encoder and the scorer head run.
 *
 * @param executionProvider CPU or CUDA
 * @param allowCpuFallback  when CUDA was asked for but cannot load: run on the CPU (true) or refuse to start (false)
 * @param encoderVariant    full-precision or int8-quantized MiniLM
 * @param maxTokens         instructions are truncated to this many tokens, [CLS] and [SEP] included (2..512,
 *                          MiniLM has 512 positions)
 * @param intraOpThreads    ONNX Runtime threads per encoder operator; 0 lets ONNX Runtime choose (one per core).
 *                          The scorer head always runs on the calling thread: it is too small to gain from more
 * @param bundle            folder written by {@code bin/router train --out}; null means the bundle in this jar
 * @param encoder           MiniLM on ONNX Runtime, or the static table distilled from it
 * @param staticTable       the static encoder's table; null means the bundle's, else the distilled one in the user's
 *                          cache ({@code bin/router distill})
 */
public record InferenceSettings(
        ExecutionProvider executionProvider,
        boolean allowCpuFallback,
        EncoderVariant encoderVariant,
        int maxTokens,
        int intraOpThreads,
        Path bundle,
        EncoderFamily encoder,
        Path staticTable) {

    public static final int DEFAULT_MAX_TOKENS = 256;
    /** Position embeddings in MiniLM-L6: a longer input cannot be encoded. */
    public static final int MODEL_MAX_TOKENS = 512;

    public InferenceSettings {
        Objects.requireNonNull(executionProvider, "executionProvider");
        Objects.requireNonNull(encoderVariant, "encoderVariant");
        Objects.requireNonNull(encoder, "encoder");
        if (maxTokens < 2 || maxTokens > MODEL_MAX_TOKENS) {
            throw new IllegalArgumentException(
                    "maxTokens must be between 2 and " + MODEL_MAX_TOKENS + ", was " + maxTokens);
        }
        if (intraOpThreads < 0) {
            throw new IllegalArgumentException(
                    "intraOpThreads must be 0 (automatic) or positive, was " + intraOpThreads);
        }
    }

    /** CPU, no fallback needed, full-precision MiniLM, 256 tokens, automatic threads, the bundle in this jar. */
    public static InferenceSettings defaults() {
        return new InferenceSettings(
                ExecutionProvider.CPU,
                false,
                EncoderVariant.FP32,
                DEFAULT_MAX_TOKENS,
                0,
                null,
                EncoderFamily.MINILM,
                null);
    }

    public InferenceSettings withExecutionProvider(ExecutionProvider provider, boolean cpuFallback) {
        return new InferenceSettings(
                provider, cpuFallback, encoderVariant, maxTokens, intraOpThreads, bundle, encoder, staticTable);
    }

    public InferenceSettings withEncoderVariant(EncoderVariant variant) {
        return new InferenceSettings(
                executionProvider, allowCpuFallback, variant, maxTokens, intraOpThreads, bundle, encoder, staticTable);
    }

    public InferenceSettings withMaxTokens(int tokens) {
        return new InferenceSettings(
                executionProvider,
                allowCpuFallback,
                encoderVariant,
                tokens,
                intraOpThreads,
                bundle,
                encoder,
                staticTable);
    }

    public InferenceSettings withIntraOpThreads(int threads) {
        return new InferenceSettings(
                executionProvider, allowCpuFallback, encoderVariant, maxTokens, threads, bundle, encoder, staticTable);
    }

    public InferenceSettings withEncoder(EncoderFamily family) {
        return new InferenceSettings(
                executionProvider,
                allowCpuFallback,
                encoderVariant,
                maxTokens,
                intraOpThreads,
                bundle,
                family,
                staticTable);
    }

    public InferenceSettings withStaticTable(Path table) {
        return new InferenceSettings(
                executionProvider, allowCpuFallback, encoderVariant, maxTokens, intraOpThreads, bundle, encoder, table);
    }

    public InferenceSettings withBundle(Path folder) {
        return new InferenceSettings(
                executionProvider,
                allowCpuFallback,
                encoderVariant,
                maxTokens,
                intraOpThreads,
                folder,
                encoder,
                staticTable);
    }
}
