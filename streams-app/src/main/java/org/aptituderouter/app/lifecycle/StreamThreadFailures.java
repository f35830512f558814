package org.aptituderouter.app.lifecycle;

import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens when a stream thread dies of an unexpected exception: it is replaced, and with exactly-once its open
 * transaction is aborted, so the replacement redoes the batch from the store (nothing lost, nothing routed twice).
 * A failure that keeps coming back would make that a hot loop: after {@link #MAX_FAILURES} failures within
 * {@link #WINDOW} the client shuts down instead, its health goes DOWN and the orchestrator restarts the process.
 * (The global thread cannot be replaced; Kafka Streams shuts the client down whatever this answers.)
 */
public final class StreamThreadFailures implements StreamsUncaughtExceptionHandler {

    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(StreamThreadFailures.class);

    private final InstantSource clock;
    private final Runnable counter;
    private final Deque<Long> recent = new ArrayDeque<>();

    /** @param counter told of every failure (a metric) */
    public StreamThreadFailures(InstantSource clock, Runnable counter) {
        this.clock = clock;
        this.counter = counter;
    }

    @Override
    public synchronized StreamThreadExceptionResponse handle(Throwable exception) {
        counter.run();
        long now = clock.millis();
        recent.addLast(now);
        while (now - recent.peekFirst() > WINDOW.toMillis()) {
            recent.removeFirst();
        }
        if (recent.size() >= MAX_FAILURES) {
            LOG.error(
                    "A stream thread failed {} times within {} s, last with: {}; shutting the router down so that "
                            + "it is restarted",
                    recent.size(),
                    WINDOW.toSeconds(),
                    exception.toString(),
                    exception);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        }
        LOG.error(
                "A stream thread failed ({}); replacing it: its open transaction is aborted and the batch is redone "
                        + "from the store",
                exception.toString(),
                exception);
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }
}
