package org.aptituderouter.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.aptituderouter.schemas.avro.DeadLetter;
import org.aptituderouter.schemas.avro.InstructionEvent;
import org.aptituderouter.schemas.avro.ModelCapability;
import org.aptituderouter.schemas.avro.ModelEvidence;
import org.aptituderouter.schemas.avro.ModelOutcome;
import org.aptituderouter.schemas.avro.RoutingDecision;
import org.aptituderouter.schemas.registry.CompatibilityLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Guards the committed .avsc files: each must stay BACKWARD compatible with its v1 snapshot (the schema
 * first published), so consumers upgraded to a new version still read everything already on the topics.
 * A deliberate break needs a new topic, not an edit of the snapshot.
 */
class SchemaEvolutionTest {

    private static final Path COMMITTED = Path.of("src/main/avro");
    private static final Path SNAPSHOTS = Path.of("src/test/resources/schema-snapshots/v1");
    /** RoutingDecision refers to InstructionEvent by name, so InstructionEvent is parsed first. */
    private static final List<String> RECORDS = List.of(
            "InstructionEvent", "ModelCapability", "RoutingDecision", "DeadLetter", "ModelOutcome", "ModelEvidence");

    static Stream<String> records() {
        return RECORDS.stream();
    }

    @ParameterizedTest
    @MethodSource("records")
    void committedSchemaReadsEverythingWrittenWithTheV1Snapshot(String record) throws IOException {
        Schema current = committed().stream()
                .filter(s -> s.getName().equals(record))
                .findFirst()
                .orElseThrow();
        Schema v1 = new Schema.Parser().parse(Files.readString(SNAPSHOTS.resolve(record + ".avsc")));

        assertThat(CompatibilityLevel.BACKWARD.violations(current, List.of(v1))).isEmpty();
    }

    @Test
    void everyCommittedSchemaHasASnapshotAndIsGenerated() throws IOException {
        try (Stream<Path> files = Files.list(COMMITTED)) {
            assertThat(files.map(p -> p.getFileName().toString().replace(".avsc", "")))
                    .containsExactlyInAnyOrderElementsOf(RECORDS);
        }
        for (String record : RECORDS) {
            assertThat(SNAPSHOTS.resolve(record + ".avsc"))
                    .as("snapshot of " + record)
                    .exists();
        }
        // the generated classes come from these files: same layout, names and defaults
        List<Schema> generated = List.of(
                InstructionEvent.getClassSchema(),
                ModelCapability.getClassSchema(),
                RoutingDecision.getClassSchema(),
                DeadLetter.getClassSchema(),
                ModelOutcome.getClassSchema(),
                ModelEvidence.getClassSchema());
        for (int i = 0; i < RECORDS.size(); i++) {
            assertThat(SchemaNormalization.parsingFingerprint64(generated.get(i)))
                    .isEqualTo(
                            SchemaNormalization.parsingFingerprint64(committed().get(i)));
        }
    }

    @Test
    void everyRecordEnumAndFieldIsDocumented() throws IOException {
        List<String> undocumented = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Schema schema : committed()) {
            collectUndocumented(schema, undocumented, seen);
        }
        assertThat(undocumented).isEmpty();
    }

    private static List<Schema> committed() throws IOException {
        Schema.Parser parser = new Schema.Parser();
        List<Schema> schemas = new ArrayList<>();
        for (String record : RECORDS) {
            schemas.add(parser.parse(Files.readString(COMMITTED.resolve(record + ".avsc"))));
        }
        return schemas;
    }

    private static void collectUndocumented(Schema schema, List<String> undocumented, Set<String> seen) {
        switch (schema.getType()) {
            case RECORD -> {
                if (!seen.add(schema.getFullName())) {
                    return;
                }
                requireDoc(schema.getDoc(), schema.getFullName(), undocumented);
                for (Schema.Field field : schema.getFields()) {
                    requireDoc(field.doc(), schema.getName() + "." + field.name(), undocumented);
                    collectUndocumented(field.schema(), undocumented, seen);
                }
            }
            case ENUM -> requireDoc(schema.getDoc(), schema.getFullName(), undocumented);
            case UNION -> schema.getTypes().forEach(t -> collectUndocumented(t, undocumented, seen));
            case ARRAY -> collectUndocumented(schema.getElementType(), undocumented, seen);
            case MAP -> collectUndocumented(schema.getValueType(), undocumented, seen);
            default -> {
                // primitives carry no doc
            }
        }
    }

    private static void requireDoc(String doc, String name, List<String> undocumented) {
        if (doc == null || doc.isBlank()) {
            undocumented.add(name);
        }
    }
}
