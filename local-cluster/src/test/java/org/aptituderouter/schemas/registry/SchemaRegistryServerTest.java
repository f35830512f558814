package org.aptituderouter.schemas.registry;

import static org.aptituderouter.schemas.registry.TestSchemas.OTHER;
import static org.aptituderouter.schemas.registry.TestSchemas.V1;
import static org.aptituderouter.schemas.registry.TestSchemas.V2_OPTIONAL_FIELD;
import static org.aptituderouter.schemas.registry.TestSchemas.V3_REQUIRED_FIELD;
import static org.aptituderouter.schemas.registry.TestSchemas.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The server over real HTTP, checked against Confluent's documented paths, bodies and error codes. */
class SchemaRegistryServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SchemaRegistryServer server;
    private SchemaRegistryClient client;

    @BeforeEach
    void start() {
        server = new SchemaRegistryServer().start(0);
        client = new SchemaRegistryClient(server.url());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void registersVersionsAndServesThemByIdAndVersion() throws Exception {
        int id1 = client.register("things-value", parse(V1));
        int id2 = client.register("things-value", parse(V2_OPTIONAL_FIELD));

        assertThat(id2).isNotEqualTo(id1);
        assertThat(client.subjects()).containsExactly("things-value");
        assertThat(body("GET", "/subjects/things-value/versions", null).toString())
                .isEqualTo("[1,2]");
        JsonNode v1 = body("GET", "/subjects/things-value/versions/1", null);
        assertThat(v1.get("subject").asText()).isEqualTo("things-value");
        assertThat(v1.get("version").asInt()).isEqualTo(1);
        assertThat(v1.get("id").asInt()).isEqualTo(id1);
        assertThat(parse(v1.get("schema").asText())).isEqualTo(parse(V1));
        assertThat(body("GET", "/subjects/things-value/versions/latest", null)
                        .get("version")
                        .asInt())
                .isEqualTo(2);
        assertThat(parse(body("GET", "/schemas/ids/" + id2, null).get("schema").asText()))
                .isEqualTo(parse(V2_OPTIONAL_FIELD));
    }

    @Test
    void theSameSchemaGetsTheSameIdUnderEverySubjectAndNoNewVersion() throws Exception {
        int first = client.register("a-value", parse(V1));
        // Different whitespace, same schema: Confluent assigns ids by content.
        HttpResponse<String> again = RawHttp.send(
                "POST", server.url() + "/subjects/b-value/versions", RawHttp.schemaBody(V1.replace(" ", "")));

        assertThat(JSON.readTree(again.body()).get("id").asInt()).isEqualTo(first);
        assertThat(client.register("a-value", parse(V1))).isEqualTo(first);
        assertThat(body("GET", "/subjects/a-value/versions", null).toString()).isEqualTo("[1]");
        assertThat(client.register("c-value", parse(OTHER))).isNotEqualTo(first);
    }

    @Test
    void answersWithConfluentsContentType() throws Exception {
        HttpResponse<String> response = RawHttp.send("GET", server.url() + "/subjects", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/vnd.schemaregistry.v1+json");
        assertThat(response.body()).isEqualTo("[]");
    }

    @Test
    void lookupFindsARegisteredSchemaWithoutRegistering() throws Exception {
        int id = client.register("things-value", parse(V1));

        RegisteredSchema found = client.lookup("things-value", parse(V1));

        assertThat(found.id()).isEqualTo(id);
        assertThat(found.version()).isEqualTo(1);
        assertError("POST", "/subjects/things-value", RawHttp.schemaBody(V2_OPTIONAL_FIELD), 404, 40403);
        assertError("POST", "/subjects/nothing-value", RawHttp.schemaBody(V1), 404, 40401);
        assertThat(client.subjects()).containsExactly("things-value");
    }

    @Test
    void backwardIncompatibleChangeIsRejectedWith409AndACompatibleOneAccepted() throws Exception {
        client.register("things-value", parse(V1));
        client.register("things-value", parse(V2_OPTIONAL_FIELD));

        JsonNode error =
                assertError("POST", "/subjects/things-value/versions", RawHttp.schemaBody(V3_REQUIRED_FIELD), 409, 409);

        assertThat(error.get("message").asText()).contains("incompatible", "things-value", "size");
        assertThatThrownBy(() -> client.register("things-value", parse(V3_REQUIRED_FIELD)))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(409);
                    assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.INCOMPATIBLE_SCHEMA);
                    assertThat(e.getMessage()).contains(server.url(), "error_code 409", "size");
                });
        assertThat(body("GET", "/subjects/things-value/versions", null).toString())
                .isEqualTo("[1,2]");
    }

    @Test
    void compatibilityEndpointAnswersWithoutRegistering() throws Exception {
        client.register("things-value", parse(V1));

        assertThat(client.isCompatible("things-value", parse(V2_OPTIONAL_FIELD)))
                .isTrue();
        assertThat(client.isCompatible("things-value", parse(V3_REQUIRED_FIELD)))
                .isFalse();
        JsonNode verbose = body(
                "POST",
                "/compatibility/subjects/things-value/versions/1?verbose=true",
                RawHttp.schemaBody(V3_REQUIRED_FIELD));
        assertThat(verbose.get("is_compatible").asBoolean()).isFalse();
        assertThat(verbose.get("messages").toString()).contains("READER_FIELD_MISSING_DEFAULT_VALUE");
        assertThat(client.isCompatible("unknown-value", parse(V3_REQUIRED_FIELD)))
                .isTrue();
        assertThat(body("GET", "/subjects/things-value/versions", null).toString())
                .isEqualTo("[1]");
    }

    @Test
    void compatibilityLevelsAreConfigurableGloballyAndPerSubject() throws Exception {
        assertThat(body("GET", "/config", null).get("compatibilityLevel").asText())
                .isEqualTo("BACKWARD");
        assertError("GET", "/config/things-value", null, 404, 40408);
        assertThat(body("GET", "/config/things-value?defaultToGlobal=true", null)
                        .get("compatibilityLevel")
                        .asText())
                .isEqualTo("BACKWARD");

        JsonNode put = body("PUT", "/config/things-value", "{\"compatibility\": \"NONE\"}");
        client.register("things-value", parse(V1));
        int unrelated = client.register("things-value", parse(OTHER));

        assertThat(put.get("compatibility").asText()).isEqualTo("NONE");
        assertThat(body("GET", "/config/things-value", null)
                        .get("compatibilityLevel")
                        .asText())
                .isEqualTo("NONE");
        assertThat(client.latest("things-value").id()).isEqualTo(unrelated);
        assertThat(body("PUT", "/config", "{\"compatibility\": \"full_transitive\"}")
                        .get("compatibility")
                        .asText())
                .isEqualTo("FULL_TRANSITIVE");
        assertThat(body("GET", "/config", null).get("compatibilityLevel").asText())
                .isEqualTo("FULL_TRANSITIVE");
        assertError("PUT", "/config", "{\"compatibility\": \"SOMETIMES\"}", 422, 42203);
    }

    @Test
    void forwardLevelRejectsARemovedRequiredFieldThatBackwardWouldAllow() throws Exception {
        body("PUT", "/config/things-value", "{\"compatibility\": \"FORWARD\"}");
        client.register("things-value", parse(V3_REQUIRED_FIELD));

        // Old readers need "size", which the new writer no longer writes and which has no default.
        assertError("POST", "/subjects/things-value/versions", RawHttp.schemaBody(V2_OPTIONAL_FIELD), 409, 409);
    }

    @Test
    void deletingASubjectKeepsItsIdsResolvable() throws Exception {
        int id = client.register("things-value", parse(V1));

        assertThat(body("DELETE", "/subjects/things-value", null).toString()).isEqualTo("[1]");

        assertThat(client.subjects()).isEmpty();
        assertError("GET", "/subjects/things-value/versions/latest", null, 404, 40401);
        assertThat(parse(body("GET", "/schemas/ids/" + id, null).get("schema").asText()))
                .isEqualTo(parse(V1));
    }

    @Test
    void reportsConfluentErrorCodesForBadRequests() throws Exception {
        client.register("things-value", parse(V1));

        assertError("GET", "/schemas/ids/999", null, 404, 40403);
        assertError("GET", "/subjects/things-value/versions/7", null, 404, 40402);
        assertError("GET", "/subjects/things-value/versions/zero", null, 422, 42202);
        assertError("POST", "/subjects/things-value/versions", RawHttp.schemaBody("{\"type\": \"nope\"}"), 422, 42201);
        assertError(
                "POST",
                "/subjects/things-value/versions",
                "{\"schema\": \"{}\", \"schemaType\": \"PROTOBUF\"}",
                422,
                42201);
        assertError("POST", "/subjects/things-value/versions", "{not json", 400, 400);
        assertError("GET", "/no/such/path", null, 404, 404);
    }

    private JsonNode body(String method, String path, String body) throws Exception {
        HttpResponse<String> response = RawHttp.send(method, server.url() + path, body);
        assertThat(response.statusCode())
                .as(method + " " + path + ": " + response.body())
                .isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private JsonNode assertError(String method, String path, String body, int status, int errorCode) throws Exception {
        HttpResponse<String> response = RawHttp.send(method, server.url() + path, body);
        JsonNode error = JSON.readTree(response.body());
        assertThat(response.statusCode())
                .as(method + " " + path + ": " + response.body())
                .isEqualTo(status);
        assertThat(error.get("error_code").asInt()).isEqualTo(errorCode);
        assertThat(error.get("message").asText()).isNotBlank();
        return error;
    }
}
