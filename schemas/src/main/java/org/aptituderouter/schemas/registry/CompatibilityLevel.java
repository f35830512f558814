package org.aptituderouter.schemas.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

/**
 * Confluent's compatibility levels, decided by Avro's own {@link SchemaCompatibility} so the registry and
 * the deserializer agree on what can be read. BACKWARD: the new schema reads data written with the old;
 * FORWARD: the old reads the new; FULL: both. Plain levels compare with the latest version only,
 * _TRANSITIVE ones with every version.
 */
public enum CompatibilityLevel {
    NONE(false, false, false),
    BACKWARD(true, false, false),
    BACKWARD_TRANSITIVE(true, false, true),
    FORWARD(false, true, false),
    FORWARD_TRANSITIVE(false, true, true),
    FULL(true, true, false),
    FULL_TRANSITIVE(true, true, true);

    private final boolean newReadsOld;
    private final boolean oldReadsNew;
    private final boolean transitive;

    CompatibilityLevel(boolean newReadsOld, boolean oldReadsNew, boolean transitive) {
        this.newReadsOld = newReadsOld;
        this.oldReadsNew = oldReadsNew;
        this.transitive = transitive;
    }

    /** Parses a level name as Confluent spells it (case-insensitive). */
    public static CompatibilityLevel parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new SchemaRegistryException(
                    422,
                    SchemaRegistryException.INVALID_COMPATIBILITY_LEVEL,
                    "Invalid compatibility level '" + name + "'; expected one of " + List.of(values()));
        }
    }

    /** The same directions compared against one version only, as Confluent does for an explicit version. */
    public CompatibilityLevel nonTransitive() {
        return transitive ? valueOf(name().substring(0, name().length() - "_TRANSITIVE".length())) : this;
    }

    /**
     * Why {@code candidate} may not follow {@code existing} (oldest first) under this level; empty when it may.
     */
    public List<String> violations(Schema candidate, List<Schema> existing) {
        List<String> problems = new ArrayList<>();
        if (this == NONE || existing.isEmpty()) {
            return problems;
        }
        List<Schema> compared = transitive ? existing : List.of(existing.get(existing.size() - 1));
        for (Schema old : compared) {
            if (newReadsOld) {
                describe(
                        "new schema cannot read data written with an earlier one",
                        SchemaCompatibility.checkReaderWriterCompatibility(candidate, old),
                        problems);
            }
            if (oldReadsNew) {
                describe(
                        "an earlier schema cannot read data written with the new one",
                        SchemaCompatibility.checkReaderWriterCompatibility(old, candidate),
                        problems);
            }
        }
        return problems;
    }

    private static void describe(String direction, SchemaPairCompatibility check, List<String> problems) {
        for (Incompatibility incompatibility : check.getResult().getIncompatibilities()) {
            problems.add(direction + ": " + incompatibility.getType() + " at " + incompatibility.getLocation() + " ("
                    + incompatibility.getMessage() + ")");
        }
    }
}
