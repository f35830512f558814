package org.aptituderouter.app.routing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Binary form of a {@link PendingInstruction} in the batch store and its changelog. Private to the router (no
 * registry): a leading format version lets a later release read what an earlier one left buffered.
 */
public final class PendingInstructionSerde implements Serde<PendingInstruction> {

    private static final byte FORMAT_VERSION = 1;

    @Override
    public Serializer<PendingInstruction> serializer() {
        return (topic, pending) -> pending == null ? null : write(pending);
    }

    @Override
    public Deserializer<PendingInstruction> deserializer() {
        return (topic, bytes) -> bytes == null ? null : read(bytes);
    }

    private static byte[] write(PendingInstruction p) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(64 + length(p.value()) + length(p.key()));
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            out.writeByte(FORMAT_VERSION);
            out.writeLong(p.enqueuedAtMs());
            out.writeLong(p.timestamp());
            out.writeUTF(p.sourceTopic());
            out.writeInt(p.sourcePartition());
            out.writeLong(p.sourceOffset());
            writeBytes(out, p.key());
            writeBytes(out, p.value());
            Header[] headers = p.headers().toArray();
            out.writeInt(headers.length);
            for (Header header : headers) {
                out.writeUTF(header.key());
                writeBytes(out, header.value());
            }
        } catch (IOException e) {
            throw new SerializationException("cannot write a pending instruction", e);
        }
        return buffer.toByteArray();
    }

    private static PendingInstruction read(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte version = in.readByte();
            if (version != FORMAT_VERSION) {
                throw new SerializationException(
                        "pending instruction in format " + version + ", this router reads " + FORMAT_VERSION);
            }
            long enqueuedAt = in.readLong();
            long timestamp = in.readLong();
            String topic = in.readUTF();
            int partition = in.readInt();
            long offset = in.readLong();
            byte[] key = readBytes(in);
            byte[] value = readBytes(in);
            int count = in.readInt();
            Headers headers = new RecordHeaders();
            for (int i = 0; i < count; i++) {
                headers.add(in.readUTF(), readBytes(in));
            }
            return new PendingInstruction(key, value, headers, timestamp, topic, partition, offset, enqueuedAt);
        } catch (IOException e) {
            throw new SerializationException("cannot read a pending instruction", e);
        }
    }

    private static int length(byte[] bytes) {
        return bytes == null ? 0 : bytes.length;
    }

    private static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
        if (bytes == null) {
            out.writeInt(-1);
        } else {
            out.writeInt(bytes.length);
            out.write(bytes);
        }
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return bytes;
    }
}
