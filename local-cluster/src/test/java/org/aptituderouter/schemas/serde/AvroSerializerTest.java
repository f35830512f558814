package org.aptituderouter.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.aptituderouter.schemas.Samples;
import org.aptituderouter.schemas.avro.InstructionEvent;
import org.aptituderouter.schemas.avro.ModelCapability;
import org.aptituderouter.schemas.registry.SchemaRegistryClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AvroSerializerTest {

    @RegisterExtension
    final RegistryFixture registry = new RegistryFixture();

    @Test
    void writesMagicByteSchemaIdAndAvroBinary() throws IOException {
        AvroSerializer<InstructionEvent> serializer = serializer(false);
        InstructionEvent event = Samples.instruction();

        byte[] bytes = serializer.serialize("instructions", event);

        int registeredId = client().lookup("instructions-value", InstructionEvent.getClassSchema())
                .id();
        assertThat(bytes[0]).isEqualTo((byte) 0);
        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(registeredId);
        assertThat(WireFormat.schemaId(bytes)).isEqualTo(registeredId);
        assertThat(Arrays.copyOfRange(bytes, 5, bytes.length)).isEqualTo(avroBinary(event));
    }

    @Test
    void theSameSchemaKeepsOneIdAcrossRecordsTopicsAndKeyOrValue() {
        AvroSerializer<InstructionEvent> values = serializer(false);
        AvroSerializer<InstructionEvent> keys = serializer(true);

        int first = WireFormat.schemaId(values.serialize("instructions", Samples.instruction()));
        int second = WireFormat.schemaId(values.serialize("instructions", Samples.minimalInstruction()));
        int otherTopic = WireFormat.schemaId(values.serialize("routed.qwen", Samples.instruction()));
        int asKey = WireFormat.schemaId(keys.serialize("instructions", Samples.instruction()));

        assertThat(second).isEqualTo(first);
        assertThat(otherTopic).isEqualTo(first);
        assertThat(asKey).isEqualTo(first);
        assertThat(client().subjects()).containsExactly("instructions-key", "instructions-value", "routed.qwen-value");
    }

    @Test
    void withoutAutoRegistrationTheSchemaMustAlreadyBeRegistered() {
        AvroSerializer<ModelCapability> serializer = new AvroSerializer<>();
        serializer.configure(registry.config(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false), false);

        assertThatThrownBy(() -> serializer.serialize("model-capabilities", Samples.capability()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("look up the schema under subject 'model-capabilities-value'")
                .hasMessageContaining(registry.url())
                .hasMessageContaining("40401");

        int id = client().register("model-capabilities-value", ModelCapability.getClassSchema());
        assertThat(WireFormat.schemaId(serializer.serialize("model-capabilities", Samples.capability())))
                .isEqualTo(id);
        assertThat(client().subjects()).containsExactly("model-capabilities-value");
    }

    @Test
    void useLatestVersionLabelsRecordsWithTheLatestIdWhenTheLayoutMatches() {
        // The latest version differs only in docs: same bytes on the wire, so its id may label them.
        Schema redocumented = new Schema.Parser()
                .parse(InstructionEvent.getClassSchema().toString().replace("The instruction text", "Prompt text"));
        int latestId = client().register("instructions-value", redocumented);
        AvroSerializer<InstructionEvent> serializer = new AvroSerializer<>();
        serializer.configure(
                registry.config(
                        AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "false", AvroSerdeConfig.USE_LATEST_VERSION, "true"),
                false);

        byte[] bytes = serializer.serialize("instructions", Samples.instruction());

        assertThat(WireFormat.schemaId(bytes)).isEqualTo(latestId);
        assertThat(client().lookup("instructions-value", redocumented).version())
                .isEqualTo(1);
        AvroDeserializer<InstructionEvent> deserializer = new AvroDeserializer<>(InstructionEvent.class);
        deserializer.configure(registry.config(), false);
        assertThat(deserializer.deserialize("instructions", bytes)).isEqualTo(Samples.instruction());
    }

    @Test
    void useLatestVersionRefusesALatestVersionWithAnotherLayout() {
        client().register("instructions-value", ModelCapability.getClassSchema());
        AvroSerializer<InstructionEvent> serializer = new AvroSerializer<>();
        serializer.configure(
                registry.config(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false, AvroSerdeConfig.USE_LATEST_VERSION, true),
                false);

        assertThatThrownBy(() -> serializer.serialize("instructions", Samples.instruction()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("use.latest.version")
                .hasMessageContaining("version 1");
    }

    @Test
    void refusesValuesThatAreNotAvroRecords() {
        AvroSerializer<Object> serializer = new AvroSerializer<>();
        serializer.configure(registry.config(), false);

        assertThatThrownBy(() -> serializer.serialize("instructions", "plain text"))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("java.lang.String");
    }

    @Test
    void unreachableRegistryIsNamedInTheError() throws IOException {
        String deadUrl = "http://127.0.0.1:" + freePort();
        AvroSerializer<InstructionEvent> serializer = new AvroSerializer<>();
        serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, deadUrl), false);

        assertThatThrownBy(() -> serializer.serialize("instructions", Samples.instruction()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("unreachable")
                .hasMessageContaining(deadUrl);
    }

    @Test
    void registryUrlIsRequired() {
        assertThatThrownBy(() -> new AvroSerializer<>().configure(Map.of("bootstrap.servers", "x:9092"), false))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("schema.registry.url");
    }

    private AvroSerializer<InstructionEvent> serializer(boolean isKey) {
        AvroSerializer<InstructionEvent> serializer = new AvroSerializer<>();
        serializer.configure(registry.config(), isKey);
        return serializer;
    }

    private SchemaRegistryClient client() {
        return new SchemaRegistryClient(registry.url());
    }

    private static byte[] avroBinary(InstructionEvent event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<>(InstructionEvent.class).write(event, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
