package org.aptituderouter.app.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;

class StreamThreadFailuresTest {

    private final AtomicLong now = new AtomicLong(0);
    private final AtomicInteger counted = new AtomicInteger();
    private final StreamThreadFailures failures =
            new StreamThreadFailures(() -> Instant.ofEpochMilli(now.get()), counted::incrementAndGet);

    @Test
    void aFailedThreadIsReplacedUntilFailuresComeTooFast() {
        for (int i = 1; i < StreamThreadFailures.MAX_FAILURES; i++) {
            assertThat(failures.handle(new IllegalStateException("boom " + i)))
                    .isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
            now.addAndGet(1_000);
        }
        assertThat(failures.handle(new IllegalStateException("again")))
                .as("the fifth failure within a minute")
                .isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
        assertThat(counted).hasValue(StreamThreadFailures.MAX_FAILURES);
    }

    @Test
    void failuresSpreadOverTimeKeepBeingReplaced() {
        for (int i = 0; i < 3 * StreamThreadFailures.MAX_FAILURES; i++) {
            assertThat(failures.handle(new IllegalStateException("rare")))
                    .isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
            now.addAndGet(StreamThreadFailures.WINDOW.toMillis() / 2);
        }
    }
}
