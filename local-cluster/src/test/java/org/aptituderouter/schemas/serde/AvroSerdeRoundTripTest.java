package org.aptituderouter.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.aptituderouter.schemas.Samples;
import org.aptituderouter.schemas.avro.InstructionEvent;
import org.aptituderouter.schemas.avro.PolicyType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every record through serializer -> registry server over HTTP -> deserializer. */
class AvroSerdeRoundTripTest {

    @RegisterExtension
    final RegistryFixture registry = new RegistryFixture();

    static Stream<SpecificRecord> records() {
        return Stream.of(
                Samples.instruction(),
                Samples.minimalInstruction(),
                Samples.capability(),
                Samples.decision(),
                Samples.deadLetter());
    }

    @ParameterizedTest
    @MethodSource("records")
    void specificRecordsSurviveTheRoundTripWithTheirOwnClass(SpecificRecord record) {
        @SuppressWarnings("unchecked")
        Class<SpecificRecord> type = (Class<SpecificRecord>) record.getClass();
        AvroSerde<SpecificRecord> serde = registry.serde(type);

        byte[] bytes = serde.serializer().serialize("topic", record);

        assertThat(serde.deserializer().deserialize("topic", bytes)).isEqualTo(record);
    }

    @ParameterizedTest
    @MethodSource("records")
    void specificAvroReaderFindsTheGeneratedClassByTheWriterSchemaName(SpecificRecord record) {
        AvroSerde<Object> serde = new AvroSerde<>();
        serde.configure(registry.config(AvroSerdeConfig.SPECIFIC_AVRO_READER, "true"), false);

        Object read =
                serde.deserializer().deserialize("topic", serde.serializer().serialize("topic", record));

        assertThat(read).isInstanceOf(record.getClass()).isEqualTo(record);
    }

    @Test
    void withoutSpecificReaderRecordsComeBackGeneric() {
        AvroSerde<Object> serde = new AvroSerde<>();
        serde.configure(registry.config(), false);
        InstructionEvent event = Samples.instruction();

        Object read = serde.deserializer()
                .deserialize("instructions", serde.serializer().serialize("instructions", event));

        assertThat(read).isInstanceOf(GenericRecord.class);
        GenericRecord generic = (GenericRecord) read;
        assertThat(generic.get("id")).hasToString("instr-1");
        assertThat(generic.get("submitted_at")).isEqualTo(Samples.SUBMITTED.toEpochMilli());
        assertThat(((GenericRecord) generic.get("constraints")).get("policy")).hasToString(PolicyType.THRESHOLD.name());
        // and a GenericRecord serializes back to the same bytes
        assertThat(serde.serializer().serialize("instructions", generic))
                .isEqualTo(serde.serializer().serialize("instructions", event));
    }

    @Test
    void nullsPassThroughForTombstones() {
        AvroSerde<InstructionEvent> serde = registry.serde(InstructionEvent.class);

        assertThat(serde.serializer().serialize("capabilities", null)).isNull();
        assertThat(serde.deserializer().deserialize("capabilities", null)).isNull();
    }
}
