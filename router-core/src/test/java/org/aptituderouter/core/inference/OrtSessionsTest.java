package org.aptituderouter.core.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtProvider;
import org.aptituderouter.core.encoder.EncoderVariant;
import org.aptituderouter.core.testing.TestHeads;
import org.junit.jupiter.api.Test;

class OrtSessionsTest {

    private static final byte[] MODEL = TestHeads.bilinear(new float[][] {{1f}, {0f}});

    @Test
    void cudaOnACpuOnlyBuildRefusesToStartAndSaysHowToFixIt() {
        assumeFalse(OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA), "GPU build of ONNX Runtime");
        InferenceSettings cuda = InferenceSettings.defaults().withExecutionProvider(ExecutionProvider.CUDA, false);

        assertThatThrownBy(() -> OrtSessions.open(MODEL, cuda, "test head"))
                .isInstanceOf(InferenceStartupException.class)
                .hasMessageContaining("CUDA execution provider requested for test head")
                .hasMessageContaining("-Pgpu")
                .hasMessageContaining("onnxruntime_gpu")
                .hasMessageContaining("CUDA 12 and cuDNN 9")
                .hasMessageContaining("allow-cpu-fallback");
    }

    @Test
    void cudaWithFallbackAllowedRunsOnTheCpu() throws Exception {
        assumeFalse(OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA), "GPU build of ONNX Runtime");
        InferenceSettings cuda = InferenceSettings.defaults().withExecutionProvider(ExecutionProvider.CUDA, true);

        OrtSessions.Opened opened = OrtSessions.open(MODEL, cuda, "test head");
        try (var session = opened.session()) {
            assertThat(opened.provider()).isEqualTo(ExecutionProvider.CPU);
            assertThat(session.getInputNames()).contains("embedding", "capabilities");
        }
    }

    @Test
    void settingsValidateTheirRanges() {
        InferenceSettings defaults = InferenceSettings.defaults();
        assertThat(defaults.maxTokens()).isEqualTo(256);
        assertThat(defaults.allowCpuFallback()).isFalse();
        assertThat(defaults.encoderVariant()).isEqualTo(EncoderVariant.FP32);
        assertThat(defaults.bundle()).isNull();
        assertThatThrownBy(() -> defaults.withMaxTokens(513))
                .hasMessageContaining("maxTokens must be between 2 and 512");
        assertThatThrownBy(() -> defaults.withMaxTokens(1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.withIntraOpThreads(-1)).hasMessageContaining("intraOpThreads");
        assertThat(defaults.withIntraOpThreads(2).intraOpThreads()).isEqualTo(2);
    }
}
