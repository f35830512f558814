package org.aptituderouter.schemas.registry;

import org.apache.avro.Schema;

/** A record in three versions: v2 adds an optional field (BACKWARD compatible), v3 a required one (not). */
final class TestSchemas {

    static final String V1 = """
      {"type": "record", "name": "Thing", "namespace": "test", "fields": [
        {"name": "id", "type": "string"}]}""";
    static final String V2_OPTIONAL_FIELD = """
      {"type": "record", "name": "Thing", "namespace": "test", "fields": [
        {"name": "id", "type": "string"},
        {"name": "note", "type": ["null", "string"], "default": null}]}""";
    static final String V3_REQUIRED_FIELD = """
      {"type": "record", "name": "Thing", "namespace": "test", "fields": [
        {"name": "id", "type": "string"},
        {"name": "note", "type": ["null", "string"], "default": null},
        {"name": "size", "type": "int"}]}""";
    static final String OTHER = """
      {"type": "record", "name": "Other", "namespace": "test", "fields": [
        {"name": "n", "type": "long"}]}""";

    private TestSchemas() {}

    static Schema parse(String json) {
        return new Schema.Parser().parse(json);
    }
}
