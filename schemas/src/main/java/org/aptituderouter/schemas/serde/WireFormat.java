package org.aptituderouter.schemas.serde;

import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Confluent's wire format: magic byte 0, the writer schema's registry id as a 4-byte big-endian int, then
 * the Avro binary encoding. Public so other code (e.g. a dead-letter handler) can read the id of raw bytes.
 */
public final class WireFormat {

    public static final byte MAGIC_BYTE = 0;
    public static final int HEADER_SIZE = 5;

    private WireFormat() {}

    /** The 5-byte header announcing {@code schemaId}. */
    public static byte[] header(int schemaId) {
        return ByteBuffer.allocate(HEADER_SIZE).put(MAGIC_BYTE).putInt(schemaId).array();
    }

    /** The writer schema id of a payload, or a SerializationException saying why it is not in this format. */
    public static int schemaId(byte[] payload) {
        if (payload.length < HEADER_SIZE) {
            throw new SerializationException("Not in Confluent Avro wire format: " + payload.length
                    + " bytes, fewer than the " + HEADER_SIZE + "-byte header (magic byte + schema id)");
        }
        if (payload[0] != MAGIC_BYTE) {
            throw new SerializationException(String.format(
                    "Unknown magic byte 0x%02x: not in Confluent Avro wire format, which starts with 0x00",
                    payload[0]));
        }
        return ByteBuffer.wrap(payload, 1, 4).getInt();
    }
}
