package org.aptituderouter.app.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.annotation.PostConstruct;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.aptituderouter.core.encoder.EncoderFamily;
import org.aptituderouter.core.encoder.EncoderVariant;
import org.aptituderouter.core.inference.ExecutionProvider;
import org.aptituderouter.core.inference.InferenceSettings;

/** {@code router.inference.*}: how router-core runs the encoder and the scorer head (CPU or CUDA, which weights). */
@ConfigurationProperties("router.inference")
public class InferenceProperties {

    private String executionProvider = "cpu";
    private boolean allowCpuFallback;
    private String encoderVariant = "fp32";
    private String encoder = "minilm";
    private int maxTokens = InferenceSettings.DEFAULT_MAX_TOKENS;
    private int intraOpThreads;
    /** Bundle folder written by {@code bin/router train}; empty means the bundle in router-core's jar. */
    private String bundle = "";

    public String getExecutionProvider() {
        return executionProvider;
    }

    public void setExecutionProvider(String executionProvider) {
        this.executionProvider = executionProvider;
    }

    public boolean isAllowCpuFallback() {
        return allowCpuFallback;
    }

    public void setAllowCpuFallback(boolean allowCpuFallback) {
        this.allowCpuFallback = allowCpuFallback;
    }

    public String getEncoderVariant() {
        return encoderVariant;
    }

    public void setEncoderVariant(String encoderVariant) {
        this.encoderVariant = encoderVariant;
    }

    public int getMaxTokens() {
        return maxTokens;
    }

    public void setMaxTokens(int maxTokens) {
        this.maxTokens = maxTokens;
    }

    public int getIntraOpThreads() {
        return intraOpThreads;
    }

    public void setIntraOpThreads(int intraOpThreads) {
        this.intraOpThreads = intraOpThreads;
    }

    public String getEncoder() {
        return encoder;
    }

    public void setEncoder(String encoder) {
        this.encoder = encoder;
    }

    public String getBundle() {
        return bundle;
    }

    public void setBundle(String bundle) {
        this.bundle = bundle == null ? "" : bundle;
    }

    @PostConstruct
    void validate() {
        toSettings();
    }

    /** The router-core settings these properties describe; every mistake is reported with its key. */
    public InferenceSettings toSettings() {
        ExecutionProvider provider =
                parse("router.inference.execution-provider", executionProvider, ExecutionProvider.class);
        EncoderVariant variant = parse("router.inference.encoder-variant", encoderVariant, EncoderVariant.class);
        EncoderFamily family = parse("router.inference.encoder", encoder, EncoderFamily.class);
        Path folder = null;
        if (!bundle.isBlank()) {
            folder = Path.of(bundle);
            if (!Files.isDirectory(folder) || !Files.isReadable(folder)) {
                throw new RouterConfigException("router.inference.bundle points to '" + folder.toAbsolutePath()
                        + "', which is not a readable folder: give the folder bin/router train --out wrote, "
                        + "or leave the key empty to use the bundle in router-core's jar");
            }
        }
        try {
            return new InferenceSettings(
                    provider, allowCpuFallback, variant, maxTokens, intraOpThreads, folder, family, null);
        } catch (IllegalArgumentException e) {
            throw new RouterConfigException("router.inference: " + e.getMessage()
                    + " (keys router.inference.max-tokens and router.inference.intra-op-threads)");
        }
    }

    private static <E extends Enum<E>> E parse(String key, String value, Class<E> type) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new RouterConfigException(key + " must be one of "
                    + Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT) + ", was '" + value + "'");
        }
    }
}
