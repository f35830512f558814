package org.aptituderouter.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.aptituderouter.schemas.Samples;
import org.aptituderouter.schemas.avro.InstructionEvent;
import org.aptituderouter.schemas.registry.SchemaRegistryClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AvroDeserializerTest {

    /** What InstructionEvent might have looked like before tenant, constraints and attributes existed. */
    private static final Schema OLDER_INSTRUCTION = new Schema.Parser().parse("""
      {"type": "record", "name": "InstructionEvent", "namespace": "org.aptituderouter.schemas.avro", "fields": [
        {"name": "id", "type": "string"},
        {"name": "text", "type": "string"},
        {"name": "submitted_at", "type": {"type": "long", "logicalType": "timestamp-millis"}}]}""");

    /** A writer that never wrote the required text field: no reader default can fill it. */
    private static final Schema TEXTLESS_INSTRUCTION = new Schema.Parser().parse("""
      {"type": "record", "name": "InstructionEvent", "namespace": "org.aptituderouter.schemas.avro", "fields": [
        {"name": "id", "type": "string"}]}""");

    @RegisterExtension
    final RegistryFixture registry = new RegistryFixture();

    private AvroDeserializer<InstructionEvent> deserializer;

    @BeforeEach
    void configure() {
        deserializer = new AvroDeserializer<>(InstructionEvent.class);
        deserializer.configure(registry.config(), false);
    }

    @Test
    void recordsWrittenWithAnOlderSchemaReadIntoTheCurrentClassWithDefaults() {
        GenericRecord old = new GenericData.Record(OLDER_INSTRUCTION);
        old.put("id", "old-1");
        old.put("text", "What is 2+2?");
        old.put("submitted_at", Samples.SUBMITTED.toEpochMilli());
        AvroSerializer<GenericRecord> oldProducer = new AvroSerializer<>();
        oldProducer.configure(registry.config(), false);

        InstructionEvent read = deserializer.deserialize("instructions", oldProducer.serialize("instructions", old));

        assertThat(read.getId()).isEqualTo("old-1");
        assertThat(read.getText()).isEqualTo("What is 2+2?");
        assertThat(read.getSubmittedAt()).isEqualTo(Samples.SUBMITTED);
        assertThat(read.getTenant()).isNull();
        assertThat(read.getConstraints()).isNull();
        assertThat(read.getAttributes()).isEmpty();
    }

    @Test
    void anIncompatibleWriterSchemaIsReportedWithAvrosReasons() {
        GenericRecord textless = new GenericData.Record(TEXTLESS_INSTRUCTION);
        textless.put("id", "x");
        AvroSerializer<GenericRecord> producer = new AvroSerializer<>();
        producer.configure(registry.config(), false);
        byte[] bytes = producer.serialize("other", textless);

        assertThatThrownBy(() -> deserializer.deserialize("other", bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("cannot read writer schema id " + WireFormat.schemaId(bytes))
                .hasMessageContaining("READER_FIELD_MISSING_DEFAULT_VALUE");
    }

    @Test
    void tooShortPayloadIsNotWireFormat() {
        assertThatThrownBy(() -> deserializer.deserialize("instructions", new byte[] {0, 0, 1}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("3 bytes");
    }

    @Test
    void unknownMagicByteIsNamed() {
        byte[] json = "{\"id\": \"x\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

        assertThatThrownBy(() -> deserializer.deserialize("instructions", json))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Unknown magic byte 0x7b");
    }

    @Test
    void unknownSchemaIdIsReportedWithTheRegistry() {
        byte[] bytes = ByteBuffer.allocate(8)
                .put((byte) 0)
                .putInt(4242)
                .put(new byte[] {2, 'x', 0})
                .array();

        assertThatThrownBy(() -> deserializer.deserialize("instructions", bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("schema id 4242")
                .hasMessageContaining(registry.url())
                .hasMessageContaining("40403");
    }

    @Test
    void garbageAfterAValidHeaderIsADecodingError() {
        int id = new SchemaRegistryClient(registry.url())
                .register("instructions-value", InstructionEvent.getClassSchema());
        byte[] garbage = ByteBuffer.allocate(9)
                .put(WireFormat.header(id))
                .put(new byte[] {(byte) 0xff, (byte) 0xff, 1, 2})
                .array();

        assertThatThrownBy(() -> deserializer.deserialize("instructions", garbage))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Cannot decode Avro record with schema id " + id);
    }

    @Test
    void specificReaderNeedsTheGeneratedClass() {
        Schema unknown = new Schema.Parser().parse("""
        {"type": "record", "name": "NotGenerated", "namespace": "nowhere", "fields": [{"name": "a", "type": "int"}]}""");
        GenericRecord record = new GenericData.Record(unknown);
        record.put("a", 1);
        AvroSerde<Object> serde = new AvroSerde<>();
        serde.configure(registry.config(AvroSerdeConfig.SPECIFIC_AVRO_READER, true), false);
        byte[] bytes = serde.serializer().serialize("t", record);

        assertThatThrownBy(() -> serde.deserializer().deserialize("t", bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("nowhere.NotGenerated");
    }
}
