package org.aptituderouter.core.inference;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession;

/** Opens ONNX Runtime sessions on the execution provider the settings ask for, the one place that knows how. */
public final class OrtSessions {

    private static final System.Logger LOG = System.getLogger(OrtSessions.class.getName());

    /** A session and the provider it really runs on (CPU after a permitted fallback). */
    public record Opened(OrtSession session, ExecutionProvider provider) {}

    private OrtSessions() {}

    /** The process-wide ONNX Runtime environment; it lives as long as the JVM and is never closed. */
    public static OrtEnvironment environment() {
        return OrtEnvironment.getEnvironment();
    }

    /**
     * @param model serialized ONNX graph
     * @param what  what the graph is, for messages ("encoder all-minilm-l6-v2.onnx")
     */
    public static Opened open(byte[] model, InferenceSettings settings, String what) {
        if (settings.executionProvider() == ExecutionProvider.CUDA) {
            try {
                return new Opened(create(model, settings, true), ExecutionProvider.CUDA);
            } catch (OrtException | RuntimeException | UnsatisfiedLinkError e) {
                String reason = cudaFailure(what, e);
                if (!settings.allowCpuFallback()) {
                    throw new InferenceStartupException(
                            reason + " (or allow the CPU fallback: " + "router.inference.allow-cpu-fallback=true)", e);
                }
                LOG.log(
                        System.Logger.Level.WARNING,
                        reason + "; running on the CPU because the CPU fallback is allowed");
            }
        }
        try {
            return new Opened(create(model, settings, false), ExecutionProvider.CPU);
        } catch (OrtException e) {
            throw new InferenceStartupException("cannot load " + what + " into ONNX Runtime: " + e.getMessage(), e);
        }
    }

    private static OrtSession create(byte[] model, InferenceSettings settings, boolean cuda) throws OrtException {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            if (settings.intraOpThreads() > 0) {
                options.setIntraOpNumThreads(settings.intraOpThreads());
            }
            if (cuda) {
                options.addCUDA(0);
            }
            return environment().createSession(model, options);
        }
    }

    private static String cudaFailure(String what, Throwable e) {
        if (!OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA)) {
            return "CUDA execution provider requested for " + what + ", but this ONNX Runtime build has none "
                    + "(the CPU artifact com.microsoft.onnxruntime:onnxruntime is on the classpath): build with the "
                    + "Maven profile -Pgpu to use onnxruntime_gpu, on a host with CUDA 12 and cuDNN 9";
        }
        return "CUDA execution provider requested for " + what + " but it failed to load (" + e.getMessage()
                + "): onnxruntime_gpu needs an NVIDIA GPU, CUDA 12 and cuDNN 9 libraries on the library path";
    }
}
