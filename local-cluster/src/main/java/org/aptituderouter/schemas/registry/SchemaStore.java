package org.aptituderouter.schemas.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.avro.Schema;

/**
 * The registry's in-memory state with Confluent's rules: ids are global and content-addressed (the same
 * schema gets the same id under every subject), versions count per subject from 1, registering a schema a
 * subject already holds returns its existing version, and a new version must satisfy the subject's
 * compatibility level. Ids outlive deleted subjects so records already written stay readable.
 * All methods are synchronized: the store is small and registrations are rare.
 */
final class SchemaStore {

    private final Map<String, Integer> idsByCanonicalText = new HashMap<>();
    private final Map<Integer, Schema> schemasById = new HashMap<>();
    private final Map<String, List<RegisteredSchema>> subjects = new TreeMap<>();
    private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
    private CompatibilityLevel globalLevel = CompatibilityLevel.BACKWARD;

    synchronized RegisteredSchema register(String subject, Schema schema) {
        Optional<RegisteredSchema> existing = find(subject, schema);
        if (existing.isPresent()) {
            return existing.get();
        }
        List<RegisteredSchema> versions = subjects.getOrDefault(subject, List.of());
        List<String> violations = levelOf(subject).violations(schema, schemasOf(versions));
        if (!violations.isEmpty()) {
            throw new SchemaRegistryException(
                    409,
                    SchemaRegistryException.INCOMPATIBLE_SCHEMA,
                    "Schema being registered is incompatible with an earlier schema for subject '" + subject + "' ("
                            + levelOf(subject) + "): " + String.join("; ", violations));
        }
        int version = versions.isEmpty() ? 1 : versions.get(versions.size() - 1).version() + 1;
        RegisteredSchema registered = new RegisteredSchema(subject, version, idFor(schema), schema);
        subjects.computeIfAbsent(subject, s -> new ArrayList<>()).add(registered);
        return registered;
    }

    synchronized RegisteredSchema lookup(String subject, Schema schema) {
        requireSubject(subject);
        return find(subject, schema)
                .orElseThrow(() -> new SchemaRegistryException(
                        404,
                        SchemaRegistryException.SCHEMA_NOT_FOUND,
                        "Schema not found under subject '" + subject + "'."));
    }

    synchronized Schema schemaById(int id) {
        Schema schema = schemasById.get(id);
        if (schema == null) {
            throw new SchemaRegistryException(
                    404, SchemaRegistryException.SCHEMA_NOT_FOUND, "Schema " + id + " not found.");
        }
        return schema;
    }

    synchronized List<String> subjects() {
        return List.copyOf(subjects.keySet());
    }

    synchronized List<Integer> versions(String subject) {
        return requireSubject(subject).stream().map(RegisteredSchema::version).toList();
    }

    /** {@code versionSpec} is a version number, or {@code latest} / {@code -1} as Confluent accepts. */
    synchronized RegisteredSchema version(String subject, String versionSpec) {
        List<RegisteredSchema> versions = requireSubject(subject);
        if (isLatest(versionSpec)) {
            return versions.get(versions.size() - 1);
        }
        int wanted = parseVersion(versionSpec);
        return versions.stream()
                .filter(v -> v.version() == wanted)
                .findFirst()
                .orElseThrow(() -> new SchemaRegistryException(
                        404,
                        SchemaRegistryException.VERSION_NOT_FOUND,
                        "Version " + wanted + " not found under subject '" + subject + "'."));
    }

    synchronized List<Integer> deleteSubject(String subject) {
        List<Integer> deleted = versions(subject);
        subjects.remove(subject);
        subjectLevels.remove(subject);
        return deleted;
    }

    /**
     * Whether {@code schema} may follow the given version. Against {@code latest} the subject's level applies
     * as on registration (transitive levels compare every version); against an explicit version, only that one.
     */
    synchronized List<String> compatibilityViolations(String subject, String versionSpec, Schema schema) {
        if (isLatest(versionSpec) && !subjects.containsKey(subject)) {
            return List.of();
        }
        CompatibilityLevel level = levelOf(subject);
        if (isLatest(versionSpec)) {
            return level.violations(schema, schemasOf(subjects.get(subject)));
        }
        return level.nonTransitive()
                .violations(schema, List.of(version(subject, versionSpec).schema()));
    }

    synchronized CompatibilityLevel globalLevel() {
        return globalLevel;
    }

    synchronized void globalLevel(CompatibilityLevel level) {
        globalLevel = level;
    }

    synchronized Optional<CompatibilityLevel> subjectLevel(String subject) {
        return Optional.ofNullable(subjectLevels.get(subject));
    }

    synchronized void subjectLevel(String subject, CompatibilityLevel level) {
        subjectLevels.put(subject, level);
    }

    private CompatibilityLevel levelOf(String subject) {
        return subjectLevels.getOrDefault(subject, globalLevel);
    }

    /** By id, i.e. by exact text: Schema.equals ignores docs, but a changed doc is a new version for Confluent too. */
    private Optional<RegisteredSchema> find(String subject, Schema schema) {
        Integer id = idsByCanonicalText.get(schema.toString());
        return subjects.getOrDefault(subject, List.of()).stream()
                .filter(v -> id != null && v.id() == id)
                .findFirst();
    }

    private List<RegisteredSchema> requireSubject(String subject) {
        List<RegisteredSchema> versions = subjects.get(subject);
        if (versions == null) {
            throw SchemaRegistryException.subjectNotFound(subject);
        }
        return versions;
    }

    /** Keyed by Avro's own rendering of the parsed schema, so whitespace and key order do not create new ids. */
    private int idFor(Schema schema) {
        return idsByCanonicalText.computeIfAbsent(schema.toString(), text -> {
            int id = schemasById.size() + 1;
            schemasById.put(id, schema);
            return id;
        });
    }

    private static List<Schema> schemasOf(List<RegisteredSchema> versions) {
        return versions.stream().map(RegisteredSchema::schema).toList();
    }

    private static boolean isLatest(String versionSpec) {
        return "latest".equals(versionSpec) || "-1".equals(versionSpec);
    }

    private static int parseVersion(String versionSpec) {
        try {
            int version = Integer.parseInt(versionSpec);
            if (version >= 1) {
                return version;
            }
        } catch (NumberFormatException e) {
            // reported below with Confluent's code
        }
        throw new SchemaRegistryException(
                422,
                SchemaRegistryException.INVALID_VERSION,
                "The specified version '" + versionSpec
                        + "' is not a valid version id; use a positive integer or 'latest'.");
    }
}
