package org.aptituderouter.schemas.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;
import org.aptituderouter.schemas.registry.RegisteredSchema;
import org.aptituderouter.schemas.registry.SchemaRegistryClient;
import org.aptituderouter.schemas.registry.SchemaRegistryException;

/**
 * Writes Avro records (generated SpecificRecords or GenericRecords) in Confluent's wire format, obtaining
 * the schema id from the registry under the TopicNameStrategy subject. Null stays null, so tombstones pass.
 * Thread-safe once configured.
 */
public class AvroSerializer<T> implements Serializer<T> {

    private record WriterKey(Schema schema, Class<?> type) {}

    private final Map<WriterKey, DatumWriter<Object>> writers = new ConcurrentHashMap<>();
    private final Map<Schema, Long> layoutFingerprints = new ConcurrentHashMap<>();
    private SchemaRegistryClient registry;
    private AvroSerdeConfig config;
    private boolean isKey;

    /** For instantiation by class name (e.g. {@code value.serializer}); {@link #configure} creates the client. */
    public AvroSerializer() {}

    /** Shares {@code registry} (and its caches) instead of creating a client from the configuration. */
    public AvroSerializer(SchemaRegistryClient registry) {
        this.registry = registry;
        this.config = new AvroSerdeConfig(Map.of());
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        AvroSerdeConfig parsed = new AvroSerdeConfig(configs);
        configure(parsed, registry != null ? registry : parsed.registryClient(), isKey);
    }

    void configure(AvroSerdeConfig config, SchemaRegistryClient registry, boolean isKey) {
        this.config = config;
        this.registry = registry;
        this.isKey = isKey;
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        if (registry == null) {
            throw new IllegalStateException("AvroSerializer used before configure()");
        }
        if (!(data instanceof GenericContainer record)) {
            throw new SerializationException(
                    "AvroSerializer writes Avro records (SpecificRecord or GenericRecord), not "
                            + data.getClass().getName());
        }
        Schema schema = record.getSchema();
        String subject = TopicNameStrategy.subject(topic, isKey);
        int id = schemaId(subject, schema);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(WireFormat.header(id));
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
            writer(schema, data).write(data, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException(
                    "Cannot encode " + schema.getFullName() + " as Avro for topic " + topic + ": " + e.getMessage(), e);
        }
    }

    private int schemaId(String subject, Schema schema) {
        try {
            if (config.useLatestVersion()) {
                return latestId(subject, schema);
            }
            return config.autoRegisterSchemas()
                    ? registry.register(subject, schema)
                    : registry.lookup(subject, schema).id();
        } catch (SchemaRegistryException e) {
            String action = config.useLatestVersion()
                    ? "fetch the latest schema of"
                    : config.autoRegisterSchemas() ? "register the schema under" : "look up the schema under";
            throw new SerializationException(
                    "Cannot " + action + " subject '" + subject + "' at " + String.join(", ", registry.urls()) + ": "
                            + e.getMessage(),
                    e);
        }
    }

    /**
     * The latest version's id may label the bytes only if they decode the same under it, i.e. the two schemas
     * share Avro's parsing canonical form (docs, defaults and aliases may differ); otherwise readers would
     * misread the record, so refuse.
     */
    private int latestId(String subject, Schema schema) {
        RegisteredSchema latest = registry.latest(subject);
        if (fingerprint(latest.schema()) != fingerprint(schema)) {
            throw new SerializationException("use.latest.version: the record's schema " + schema.getFullName()
                    + " does not have the binary layout of version " + latest.version() + " (id " + latest.id()
                    + ") of subject '" + subject + "'; register the record's schema or update the producer");
        }
        return latest.id();
    }

    private long fingerprint(Schema schema) {
        return layoutFingerprints.computeIfAbsent(schema, SchemaNormalization::parsingFingerprint64);
    }

    /** Generated classes carry their logical-type conversions (Instant etc.) in their own SpecificData. */
    private DatumWriter<Object> writer(Schema schema, T data) {
        return writers.computeIfAbsent(
                new WriterKey(schema, data.getClass()),
                key -> data instanceof SpecificRecord
                        ? new SpecificDatumWriter<Object>(schema, SpecificData.getForClass(data.getClass()))
                        : new GenericDatumWriter<Object>(schema, GenericData.get()));
    }
}
