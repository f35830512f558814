package org.aptituderouter.core.encoder;

/** Which all-MiniLM-L6-v2 weights the encoder runs; both come from the langchain4j embedding jars. */
public enum EncoderVariant {
    FP32("all-minilm-l6-v2.onnx", "all-minilm-l6-v2-tokenizer.json"),
    /** int8 dynamic quantization: about a quarter of the size, faster on CPU, embeddings slightly perturbed. */
    QUANTIZED("all-minilm-l6-v2-q.onnx", "all-minilm-l6-v2-q-tokenizer.json");

    private final String modelResource;
    private final String tokenizerResource;

    EncoderVariant(String modelResource, String tokenizerResource) {
        this.modelResource = modelResource;
        this.tokenizerResource = tokenizerResource;
    }

    /** Classpath resource (jar root) of the ONNX graph. */
    public String modelResource() {
        return modelResource;
    }

    /** Classpath resource (jar root) of the HuggingFace tokenizer.json shipped with the graph. */
    public String tokenizerResource() {
        return tokenizerResource;
    }

    /** Short name used in router versions and benchmark tables. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
