package org.aptituderouter.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtProvider;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A setting the router cannot work with stops start-up, and the one line printed names the key and the fix. The
 * checks run before any Kafka client connects, so no broker is needed (the address below is never dialled).
 */
class StartupValidationTest {

    private static String failureFor(String key, Object value) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("kafka.bootstrap.servers", "localhost:1");
        properties.put("kafka.schema.registry.url", "http://localhost:1");
        // no instance id file in the shared temp directory: another build's, or one not writable, would fail start-up
        // for the wrong reason
        properties.put("router.static-membership", false);
        properties.put(key, value);
        Throwable failure = catchThrowable(
                () -> RouterRuntime.start(new String[0], properties).close());
        assertThat(failure).as("start-up with %s=%s", key, value).isNotNull();
        return StartupFailure.explain(failure);
    }

    @Test
    void noClusterAndNoEmbeddedModeStopsStartUpInsteadOfStartingAPrivateBroker() {
        Throwable failure = catchThrowable(
                () -> RouterRuntime.start(new String[0], Map.of()).close());
        assertThat(failure).isNotNull();
        assertThat(StartupFailure.explain(failure))
                .contains("kafka.bootstrap.servers is not set")
                .contains("router.embedded=true");
    }

    @Test
    void aBatchSizeBelowOne() {
        assertThat(failureFor("router.batch.max-size", 0)).contains("router.batch.max-size must be at least 1");
    }

    @Test
    void aNonPositiveMaxWait() {
        assertThat(failureFor("router.batch.max-wait", "0ms")).contains("router.batch.max-wait must be a positive");
    }

    @Test
    void anUnknownPolicy() {
        assertThat(failureFor("router.policy.default", "cheapest"))
                .contains("unknown routing policy 'cheapest'", "quality, cost or threshold");
    }

    @Test
    void aMissingBundleFolder() {
        assertThat(failureFor("router.inference.bundle", "/no/such/bundle"))
                .contains("router.inference.bundle", "/no/such/bundle", "not a readable folder");
    }

    @Test
    void aMissingShadowBundleFolder() {
        assertThat(failureFor("router.shadow.bundle", "/no/such/shadow"))
                .contains("router.shadow.bundle", "/no/such/shadow", "not a readable folder");
    }

    @Test
    void anUnknownEncoder() {
        assertThat(failureFor("router.inference.encoder", "bert"))
                .contains("router.inference.encoder must be one of [minilm, static]");
    }

    @Test
    void theStaticEncoderWithAHeadTrainedForMiniLm() {
        // the bundled head reads MiniLM embeddings: whatever table the static encoder finds, start-up must stop
        assertThat(failureFor("router.inference.encoder", "static"))
                .containsAnyOf("was trained for encoder all-minilm-l6-v2", "run bin/router distill");
    }

    @Test
    void anUnknownExecutionProvider() {
        assertThat(failureFor("router.inference.execution-provider", "tpu"))
                .contains("router.inference.execution-provider must be one of [cpu, cuda]");
    }

    @Test
    void cudaWithoutAGpuBuildOfOnnxRuntime() {
        // with the CPU artifact (no -Pgpu), asking for CUDA must say so, not fall back quietly
        assumeFalse(
                OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA),
                "this ONNX Runtime build has the CUDA provider (-Pgpu)");
        assertThat(failureFor("router.inference.execution-provider", "cuda"))
                .contains("CUDA execution provider requested", "router.inference.allow-cpu-fallback");
    }

    @Test
    void anIllegalTopicName() {
        assertThat(failureFor("router.topics.instructions", "in structions"))
                .contains("router.topics.instructions must be a legal Kafka topic name");
    }
}
