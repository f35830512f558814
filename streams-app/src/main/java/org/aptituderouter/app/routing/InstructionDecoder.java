package org.aptituderouter.app.routing;

import org.apache.kafka.common.serialization.Deserializer;
import org.aptituderouter.app.topics.RegistryOutage;
import org.aptituderouter.schemas.avro.InstructionEvent;

/**
 * Reads an instruction from its bytes and tells a poison record (dead-letter it, go on) from an outage (fail the
 * task, so the record is retried after the restart instead of being dead-lettered for the registry's sake).
 */
public final class InstructionDecoder {

    private final Deserializer<InstructionEvent> deserializer;

    public InstructionDecoder(Deserializer<InstructionEvent> deserializer) {
        this.deserializer = deserializer;
    }

    /**
     * @throws UnreadableInstructionException if these bytes are not an instruction
     * @throws RuntimeException               (as thrown) if the schema registry could not be reached
     */
    public InstructionEvent decode(String topic, byte[] value) {
        if (value == null) {
            throw new UnreadableInstructionException("record has no value");
        }
        InstructionEvent event;
        try {
            event = deserializer.deserialize(topic, value);
        } catch (RuntimeException e) {
            if (RegistryOutage.causedBy(e)) {
                throw e;
            }
            throw new UnreadableInstructionException(e.getMessage());
        }
        if (event.getId() == null || event.getId().isBlank()) {
            throw new UnreadableInstructionException("instruction has no id");
        }
        return event;
    }

    /** The bytes are not a readable instruction; the message says why. */
    public static final class UnreadableInstructionException extends RuntimeException {

        public UnreadableInstructionException(String message) {
            super(message);
        }
    }
}
