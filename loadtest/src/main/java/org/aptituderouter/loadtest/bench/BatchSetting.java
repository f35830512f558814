package org.aptituderouter.loadtest.bench;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * One {@code router.batch.max-size} / {@code router.batch.max-wait} pair, written {@code 32:50ms} on the command
 * line: larger batches amortise the encoder call, longer waits fill them at low load but add to latency.
 */
public record BatchSetting(int maxSize, Duration maxWait) {

    public BatchSetting {
        if (maxSize < 1 || maxWait.isNegative() || maxWait.isZero()) {
            throw new IllegalArgumentException("a batch setting needs a size of at least 1 and a positive wait");
        }
    }

    /** {@code <size>:<wait>ms}, e.g. {@code 8:10ms}. */
    public static BatchSetting parse(String text) {
        String[] parts = text.trim().split(":");
        String wait = parts.length == 2 ? parts[1].trim().toLowerCase(Locale.ROOT) : "";
        if (!wait.endsWith("ms")) {
            throw malformed(text, null);
        }
        try {
            return new BatchSetting(
                    Integer.parseInt(parts[0].trim()),
                    Duration.ofMillis(Long.parseLong(wait.substring(0, wait.length() - 2))));
        } catch (NumberFormatException e) {
            throw malformed(text, e);
        }
    }

    private static IllegalArgumentException malformed(String text, Exception cause) {
        return new IllegalArgumentException(
                "batch setting '" + text + "' is not <max-size>:<max-wait>ms, e.g. 8:10ms", cause);
    }

    /** As the application's configuration spells the keys, to start a router with this setting. */
    public Map<String, Object> properties() {
        return Map.of("router.batch.max-size", maxSize, "router.batch.max-wait", maxWait.toMillis() + "ms");
    }

    @Override
    public String toString() {
        return maxSize + ":" + maxWait.toMillis() + "ms";
    }
}
