package org.aptituderouter.schemas.registry;

import static org.aptituderouter.schemas.registry.TestSchemas.V1;
import static org.aptituderouter.schemas.registry.TestSchemas.V2_OPTIONAL_FIELD;
import static org.aptituderouter.schemas.registry.TestSchemas.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaRegistryClientTest {

    @Test
    void cachesIdsAndSchemasSoAStoppedRegistryIsNotAskedAgain() {
        SchemaRegistryClient client;
        int id;
        try (SchemaRegistryServer server = new SchemaRegistryServer().start(0)) {
            client = new SchemaRegistryClient(server.url());
            id = client.register("things-value", parse(V1));
            client.latest("things-value");
            client.lookup("things-value", parse(V1));
        }

        assertThat(client.register("things-value", parse(V1))).isEqualTo(id);
        assertThat(client.schemaById(id)).isEqualTo(parse(V1));
        assertThat(client.latest("things-value").id()).isEqualTo(id);
        assertThat(client.lookup("things-value", parse(V1)).id()).isEqualTo(id);
    }

    @Test
    void latestIsRefetchedOnceItsTtlPasses() {
        try (SchemaRegistryServer server = new SchemaRegistryServer().start(0)) {
            SchemaRegistryClient writer = new SchemaRegistryClient(server.url());
            SchemaRegistryClient forever = new SchemaRegistryClient(List.of(server.url()), null, null);
            SchemaRegistryClient never = new SchemaRegistryClient(List.of(server.url()), null, Duration.ZERO);
            writer.register("things-value", parse(V1));
            forever.latest("things-value");
            never.latest("things-value");

            writer.register("things-value", parse(V2_OPTIONAL_FIELD));

            assertThat(forever.latest("things-value").version()).isEqualTo(1);
            assertThat(never.latest("things-value").version()).isEqualTo(2);
        }
    }

    @Test
    void unreachableRegistryIsReportedWithItsUrl() throws IOException {
        String deadUrl = "http://127.0.0.1:" + freePort();
        SchemaRegistryClient client = new SchemaRegistryClient(deadUrl);

        assertThatThrownBy(() -> client.schemaById(1))
                .isInstanceOf(RegistryUnreachableException.class)
                .hasMessageContaining("unreachable")
                .hasMessageContaining(deadUrl);
    }

    @Test
    void failsOverToTheNextUrl() throws IOException {
        try (SchemaRegistryServer server = new SchemaRegistryServer().start(0)) {
            SchemaRegistryClient client =
                    new SchemaRegistryClient(List.of("http://127.0.0.1:" + freePort(), server.url() + "/"), null, null);

            assertThat(client.register("things-value", parse(V1))).isPositive();
        }
    }

    @Test
    void basicAuthCredentialsAreAcceptedAndWrongOnesRejected() {
        try (SchemaRegistryServer server =
                SchemaRegistryServer.withBasicAuth("router", "s3cret:x").start(0)) {
            SchemaRegistryClient good =
                    new SchemaRegistryClient(List.of(server.url()), BasicCredentials.parse("router:s3cret:x"), null);
            SchemaRegistryClient wrong =
                    new SchemaRegistryClient(List.of(server.url()), BasicCredentials.parse("router:guess"), null);
            SchemaRegistryClient none = new SchemaRegistryClient(server.url());

            assertThat(good.register("things-value", parse(V1))).isPositive();
            assertThat(good.subjects()).containsExactly("things-value");
            assertThatThrownBy(wrong::subjects)
                    .isInstanceOfSatisfying(
                            SchemaRegistryException.class,
                            e -> assertThat(e.httpStatus()).isEqualTo(401));
            assertThatThrownBy(none::subjects)
                    .isInstanceOfSatisfying(
                            SchemaRegistryException.class,
                            e -> assertThat(e.httpStatus()).isEqualTo(401));
        }
    }

    @Test
    void urlsAreStrippedOfUserInfoAndTrailingSlashes() {
        assertThat(RegistryUrls.base("http://u:p@registry:8081/")).isEqualTo("http://registry:8081");
        assertThat(RegistryUrls.base("https://registry/prefix")).isEqualTo("https://registry/prefix");
        assertThat(RegistryUrls.userInfo(List.of("http://registry:1", "http://u:p%40ss@registry:2")))
                .contains(new BasicCredentials("u", "p@ss"));
        assertThatThrownBy(() -> RegistryUrls.base("registry:8081")).isInstanceOf(IllegalArgumentException.class);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
