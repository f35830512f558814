package org.aptituderouter.schemas.registry;

import static org.aptituderouter.schemas.registry.TestSchemas.V1;
import static org.aptituderouter.schemas.registry.TestSchemas.V2_OPTIONAL_FIELD;
import static org.aptituderouter.schemas.registry.TestSchemas.V3_REQUIRED_FIELD;
import static org.aptituderouter.schemas.registry.TestSchemas.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class CompatibilityLevelTest {

    private static final String V4_SIZE_DEFAULTED = """
      {"type": "record", "name": "Thing", "namespace": "test", "fields": [
        {"name": "id", "type": "string"},
        {"name": "size", "type": "int", "default": 0}]}""";

    @Test
    void backwardAcceptsANewOptionalFieldAndRejectsANewRequiredOne() {
        assertThat(CompatibilityLevel.BACKWARD.violations(parse(V2_OPTIONAL_FIELD), List.of(parse(V1))))
                .isEmpty();
        assertThat(CompatibilityLevel.BACKWARD.violations(parse(V3_REQUIRED_FIELD), List.of(parse(V1))))
                .singleElement()
                .asString()
                .contains("READER_FIELD_MISSING_DEFAULT_VALUE", "size");
    }

    @Test
    void transitiveLevelsCompareWithEveryVersionPlainOnesWithTheLatest() {
        // v1 has no size; the latest does, with a default; the candidate requires it without one.
        List<Schema> history = List.of(parse(V1), parse(V4_SIZE_DEFAULTED));

        assertThat(CompatibilityLevel.BACKWARD.violations(parse(V3_REQUIRED_FIELD), history))
                .isEmpty();
        assertThat(CompatibilityLevel.BACKWARD_TRANSITIVE.violations(parse(V3_REQUIRED_FIELD), history))
                .isNotEmpty();
    }

    @Test
    void forwardAndFullCheckThatOldReadersCopeWithNewData() {
        List<Schema> history = List.of(parse(V3_REQUIRED_FIELD));

        assertThat(CompatibilityLevel.BACKWARD.violations(parse(V1), history)).isEmpty();
        assertThat(CompatibilityLevel.FORWARD.violations(parse(V1), history)).isNotEmpty();
        assertThat(CompatibilityLevel.FULL.violations(parse(V1), history)).isNotEmpty();
        assertThat(CompatibilityLevel.FULL.violations(parse(V2_OPTIONAL_FIELD), List.of(parse(V1))))
                .isEmpty();
        assertThat(CompatibilityLevel.NONE.violations(parse(TestSchemas.OTHER), history))
                .isEmpty();
    }

    @Test
    void parsesConfluentNamesAndRejectsOthers() {
        assertThat(CompatibilityLevel.parse("forward_transitive")).isEqualTo(CompatibilityLevel.FORWARD_TRANSITIVE);
        assertThat(CompatibilityLevel.FULL_TRANSITIVE.nonTransitive()).isEqualTo(CompatibilityLevel.FULL);
        assertThatThrownBy(() -> CompatibilityLevel.parse("LOOSE"))
                .isInstanceOfSatisfying(
                        SchemaRegistryException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.INVALID_COMPATIBILITY_LEVEL));
    }
}
