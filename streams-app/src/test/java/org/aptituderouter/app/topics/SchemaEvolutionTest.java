package org.aptituderouter.app.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.aptituderouter.app.config.TopicsProperties;
import org.aptituderouter.app.routing.InstructionDecoder;
import org.aptituderouter.app.support.Traffic;
import org.aptituderouter.schemas.avro.InstructionEvent;
import org.aptituderouter.schemas.registry.SchemaRegistryClient;
import org.aptituderouter.schemas.registry.SchemaRegistryException;
import org.aptituderouter.schemas.registry.SchemaRegistryServer;
import org.aptituderouter.schemas.serde.AvroSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The instructions topic's schema evolves BACKWARD-compatibly at a real registry over HTTP: a producer's change
 * that the router could not read is refused at registration, before any record is written; an additive change is
 * accepted and the router reads such records.
 */
class SchemaEvolutionTest {

    private SchemaRegistryServer registry;
    private RouterTopics topics;
    private SchemaRegistryClient client;
    private String subject;

    @BeforeEach
    void start() {
        registry = new SchemaRegistryServer().start(0);
        topics = new RouterTopics(
                new TopicsProperties(), new SchemaRegistrySettings(Map.of("schema.registry.url", registry.url())));
        client = new SchemaRegistryClient(registry.url());
        subject = topics.instructions().name() + "-value";
        // what any producer of the current schema does first
        topics.instructions()
                .valueSerde()
                .serializer()
                .serialize(topics.instructions().name(), Traffic.instruction("v1", "What is 2 + 2?"));
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    @Test
    void aRequiredFieldWithoutDefaultIsRejectedByTheRegistry() {
        Schema incompatible = withExtraField("\"type\": \"int\"");

        assertThatThrownBy(() -> client.register(subject, incompatible))
                .isInstanceOf(SchemaRegistryException.class)
                .satisfies(e -> assertThat(((SchemaRegistryException) e).errorCode())
                        .isEqualTo(SchemaRegistryException.INCOMPATIBLE_SCHEMA));
        assertThatThrownBy(() -> serializer().serialize(topics.instructions().name(), record(incompatible, 3)))
                .hasMessageContaining("ncompatible");
    }

    @Test
    void anOptionalFieldIsAcceptedAndTheRouterStillReadsTheInstruction() {
        Schema compatible = withExtraField("\"type\": [\"null\", \"int\"], \"default\": null");

        byte[] bytes = serializer().serialize(topics.instructions().name(), record(compatible, 5));

        InstructionEvent read = new InstructionDecoder(
                        topics.instructions().valueSerde().deserializer())
                .decode(topics.instructions().name(), bytes);
        assertThat(read.getId()).isEqualTo("v2");
        assertThat(read.getText()).isEqualTo("Name a noble gas.");
        assertThat(client.latest(subject).version()).isEqualTo(2);
    }

    /** InstructionEvent with one more field, {@code priority}, declared as given. */
    private static Schema withExtraField(String declaration) {
        String json = InstructionEvent.getClassSchema().toString();
        String extended =
                json.substring(0, json.lastIndexOf(']')) + ", {\"name\": \"priority\", " + declaration + "}]}";
        return new Schema.Parser().parse(extended);
    }

    private static GenericRecord record(Schema schema, int priority) {
        GenericRecordBuilder builder = new GenericRecordBuilder(schema)
                .set("id", "v2")
                .set("text", "Name a noble gas.")
                // generic records carry no logical-type conversions: a timestamp-millis is written as a long
                .set("submitted_at", System.currentTimeMillis())
                .set("priority", priority);
        return builder.build();
    }

    private AvroSerializer<GenericRecord> serializer() {
        AvroSerializer<GenericRecord> serializer = new AvroSerializer<>();
        serializer.configure(Map.of("schema.registry.url", registry.url()), false);
        return serializer;
    }
}
