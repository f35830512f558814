package org.aptituderouter.core.inference;

/** Where ONNX Runtime runs the encoder and the scorer head. */
public enum ExecutionProvider {
    CPU,
    /** NVIDIA GPU; needs the onnxruntime_gpu artifact (Maven profile -Pgpu), CUDA 12 and cuDNN 9. */
    CUDA
}
