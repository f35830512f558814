package org.aptituderouter.schemas.serde;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.aptituderouter.schemas.registry.SchemaRegistryClient;
import org.aptituderouter.schemas.registry.SchemaRegistryException;

/**
 * Reads Confluent-wire-format Avro: fetches the writer schema by the id in the header (once per id) and
 * resolves it against the reader schema, so records written with older (or newer, compatible) schemas
 * read fine. The reader is, in order: the class given to the constructor; with
 * {@code specific.avro.reader=true} the generated class named by the writer schema; else GenericRecord
 * with the writer schema. Thread-safe once configured.
 */
public class AvroDeserializer<T> implements Deserializer<T> {

    private final Class<? extends T> targetType;
    private final Map<Integer, DatumReader<T>> readers = new ConcurrentHashMap<>();
    private SchemaRegistryClient registry;
    private boolean specificAvroReader;

    /** Generic or specific as {@code specific.avro.reader} says; for instantiation by class name. */
    public AvroDeserializer() {
        this(null, null);
    }

    /** Always reads into {@code targetType}, a generated SpecificRecord class, whatever the writer's version. */
    public AvroDeserializer(Class<? extends T> targetType) {
        this(null, targetType);
    }

    /** Shares {@code registry} (and its caches) instead of creating a client from the configuration. */
    public AvroDeserializer(SchemaRegistryClient registry, Class<? extends T> targetType) {
        this.registry = registry;
        this.targetType = targetType;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        AvroSerdeConfig parsed = new AvroSerdeConfig(configs);
        configure(parsed, registry != null ? registry : parsed.registryClient());
    }

    void configure(AvroSerdeConfig config, SchemaRegistryClient registry) {
        this.registry = registry;
        this.specificAvroReader = config.specificAvroReader();
        readers.clear();
    }

    @Override
    public T deserialize(String topic, byte[] payload) {
        if (payload == null) {
            return null;
        }
        if (registry == null) {
            throw new IllegalStateException("AvroDeserializer used before configure()");
        }
        int id = WireFormat.schemaId(payload);
        DatumReader<T> reader = readers.get(id);
        if (reader == null) {
            // built outside the map's lock: it may call the registry, which must not stall other ids
            reader = reader(id);
            readers.putIfAbsent(id, reader);
        }
        try {
            return reader.read(
                    null,
                    DecoderFactory.get()
                            .binaryDecoder(
                                    payload, WireFormat.HEADER_SIZE, payload.length - WireFormat.HEADER_SIZE, null));
        } catch (IOException | RuntimeException e) {
            throw new SerializationException(
                    "Cannot decode Avro record with schema id " + id + " from topic " + topic + ": " + e, e);
        }
    }

    private DatumReader<T> reader(int id) {
        Schema writer;
        try {
            writer = registry.schemaById(id);
        } catch (SchemaRegistryException e) {
            throw new SerializationException(
                    "Cannot fetch writer schema id " + id + " from the schema registry at "
                            + String.join(", ", registry.urls()) + ": " + e.getMessage(),
                    e);
        }
        Class<?> specificClass = targetType != null ? targetType : specificAvroReader ? generatedClass(writer) : null;
        if (specificClass == null) {
            return new GenericDatumReader<>(writer, writer, GenericData.get());
        }
        SpecificData model = SpecificData.getForClass(specificClass);
        Schema readerSchema = model.getSchema(specificClass);
        requireReadable(readerSchema, writer, id);
        return new SpecificDatumReader<>(writer, readerSchema, model);
    }

    private static Class<?> generatedClass(Schema writer) {
        Class<?> found = SpecificData.get().getClass(writer);
        if (found == null || writer.getType() != Schema.Type.RECORD) {
            throw new SerializationException("specific.avro.reader=true but no generated class " + writer.getFullName()
                    + " is on the classpath");
        }
        return found;
    }

    /** Checked up front so an incompatible writer fails with Avro's reasons, not a decoding error mid-record. */
    private static void requireReadable(Schema reader, Schema writer, int id) {
        SchemaPairCompatibility check = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
        if (check.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            throw new SerializationException("Reader schema " + reader.getFullName() + " cannot read writer schema id "
                    + id + ": "
                    + check.getResult().getIncompatibilities().stream()
                            .map(i -> i.getType() + " at " + i.getLocation() + " (" + i.getMessage() + ")")
                            .collect(Collectors.joining("; ")));
        }
    }
}
