package org.aptituderouter.schemas.registry;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/** The JSON bodies of Confluent's schema registry API, shared by the client and the server so they cannot drift. */
final class RegistryJson {

    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    static final ObjectMapper MAPPER = new ObjectMapper();

    private RegistryJson() {}

    /** Parses an Avro schema sent or returned over the API; an invalid one is the API's 422 error. */
    static Schema parseSchema(String schemaText) {
        try {
            return new Schema.Parser().parse(schemaText);
        } catch (SchemaParseException | NullPointerException e) {
            throw new SchemaRegistryException(
                    422, SchemaRegistryException.INVALID_SCHEMA, "Invalid schema: " + e.getMessage());
        }
    }

    /** Body of register, lookup and compatibility requests; references are unsupported and rejected when present. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SchemaRequest(String schema, String schemaType, List<Object> references) {
        static SchemaRequest of(String schema) {
            return new SchemaRequest(schema, null, null);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record IdResponse(int id) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record SchemaByIdResponse(String schema) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record VersionResponse(String subject, int version, int id, String schema) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CompatibilityResponse(
            @JsonProperty("is_compatible") boolean isCompatible, List<String> messages) {}

    /** GET /config answers with compatibilityLevel, PUT /config takes and echoes compatibility. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ConfigResponse(String compatibilityLevel) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ConfigUpdate(String compatibility) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ErrorResponse(@JsonProperty("error_code") int errorCode, String message) {}
}
