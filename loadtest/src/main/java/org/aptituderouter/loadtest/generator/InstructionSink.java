package org.aptituderouter.loadtest.generator;

import java.util.function.Consumer;
import org.aptituderouter.schemas.avro.InstructionEvent;

/** Where the generator sends instructions: Kafka in a benchmark, a stand-in with chosen delays in tests. */
public interface InstructionSink extends AutoCloseable {

    /**
     * Starts sending; may block (a full producer buffer), which the generator measures as lateness.
     *
     * @param completion called once with null when the send is acknowledged, or with the error
     */
    void send(InstructionEvent event, long intendedEpochMicros, Consumer<Exception> completion);

    /** Returns when every send started so far has completed. */
    void flush();

    @Override
    void close();
}
