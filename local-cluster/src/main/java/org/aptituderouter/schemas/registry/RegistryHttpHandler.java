package org.aptituderouter.schemas.registry;

import com.fasterxml.jackson.core.JacksonException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.aptituderouter.schemas.registry.RegistryJson.CompatibilityResponse;
import org.aptituderouter.schemas.registry.RegistryJson.ConfigResponse;
import org.aptituderouter.schemas.registry.RegistryJson.ConfigUpdate;
import org.aptituderouter.schemas.registry.RegistryJson.ErrorResponse;
import org.aptituderouter.schemas.registry.RegistryJson.IdResponse;
import org.aptituderouter.schemas.registry.RegistryJson.SchemaByIdResponse;
import org.aptituderouter.schemas.registry.RegistryJson.SchemaRequest;
import org.aptituderouter.schemas.registry.RegistryJson.VersionResponse;

/** Maps Confluent's REST paths onto the {@link SchemaStore} and its errors onto Confluent's error bodies. */
final class RegistryHttpHandler implements HttpHandler {

    private record Response(int status, Object body) {
        static Response ok(Object body) {
            return new Response(200, body);
        }
    }

    private final SchemaStore store;

    RegistryHttpHandler(SchemaStore store) {
        this.store = store;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Response response;
            try {
                response = route(exchange);
            } catch (SchemaRegistryException e) {
                response = new Response(e.httpStatus(), new ErrorResponse(e.errorCode(), e.getMessage()));
            } catch (JacksonException e) {
                response = new Response(
                        400, new ErrorResponse(400, "Malformed JSON request body: " + e.getOriginalMessage()));
            } catch (RuntimeException e) {
                response = new Response(500, new ErrorResponse(50001, "Internal error: " + e));
            }
            write(exchange, response);
        }
    }

    private Response route(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        List<String> path = segments(exchange.getRequestURI().getRawPath());
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        String first = path.isEmpty() ? "" : path.get(0);
        int size = path.size();
        switch (first) {
            case "subjects":
                if (size == 1 && method.equals("GET")) {
                    return Response.ok(store.subjects());
                }
                if (size == 2 && method.equals("POST")) {
                    return Response.ok(versionBody(store.lookup(path.get(1), schemaOf(exchange))));
                }
                if (size == 2 && method.equals("DELETE")) {
                    return Response.ok(store.deleteSubject(path.get(1)));
                }
                if (size == 3 && path.get(2).equals("versions") && method.equals("GET")) {
                    return Response.ok(store.versions(path.get(1)));
                }
                if (size == 3 && path.get(2).equals("versions") && method.equals("POST")) {
                    return Response.ok(new IdResponse(
                            store.register(path.get(1), schemaOf(exchange)).id()));
                }
                if (size == 4 && path.get(2).equals("versions") && method.equals("GET")) {
                    return Response.ok(versionBody(store.version(path.get(1), path.get(3))));
                }
                break;
            case "schemas":
                if (size == 3 && path.get(1).equals("ids") && method.equals("GET")) {
                    return Response.ok(new SchemaByIdResponse(
                            store.schemaById(schemaId(path.get(2))).toString()));
                }
                break;
            case "config":
                return config(exchange, method, path, query);
            case "compatibility":
                if (size == 5
                        && path.get(1).equals("subjects")
                        && path.get(3).equals("versions")
                        && method.equals("POST")) {
                    List<String> violations =
                            store.compatibilityViolations(path.get(2), path.get(4), schemaOf(exchange));
                    boolean verbose = Boolean.parseBoolean(query.get("verbose"));
                    return Response.ok(new CompatibilityResponse(violations.isEmpty(), verbose ? violations : null));
                }
                break;
            default:
                break;
        }
        throw new SchemaRegistryException(
                404,
                404,
                "No such endpoint: " + method + " " + exchange.getRequestURI().getPath());
    }

    /** Subject level falls back to the global one only with defaultToGlobal=true, as in Confluent. */
    private Response config(HttpExchange exchange, String method, List<String> path, Map<String, String> query)
            throws IOException {
        if (path.size() == 1 && method.equals("GET")) {
            return Response.ok(new ConfigResponse(store.globalLevel().name()));
        }
        if (path.size() == 1 && method.equals("PUT")) {
            CompatibilityLevel level = levelOf(exchange);
            store.globalLevel(level);
            return Response.ok(new ConfigUpdate(level.name()));
        }
        if (path.size() == 2 && method.equals("GET")) {
            String subject = path.get(1);
            CompatibilityLevel level = store.subjectLevel(subject)
                    .or(() -> Boolean.parseBoolean(query.get("defaultToGlobal"))
                            ? Optional.of(store.globalLevel())
                            : Optional.empty())
                    .orElseThrow(() -> new SchemaRegistryException(
                            404,
                            SchemaRegistryException.SUBJECT_LEVEL_COMPATIBILITY_NOT_CONFIGURED,
                            "Subject '" + subject + "' does not have subject-level compatibility configured"));
            return Response.ok(new ConfigResponse(level.name()));
        }
        if (path.size() == 2 && method.equals("PUT")) {
            CompatibilityLevel level = levelOf(exchange);
            store.subjectLevel(path.get(1), level);
            return Response.ok(new ConfigUpdate(level.name()));
        }
        throw new SchemaRegistryException(
                404,
                404,
                "No such endpoint: " + method + " " + exchange.getRequestURI().getPath());
    }

    private static Schema schemaOf(HttpExchange exchange) throws IOException {
        SchemaRequest request = RegistryJson.MAPPER.readValue(exchange.getRequestBody(), SchemaRequest.class);
        if (request.schemaType() != null && !request.schemaType().equalsIgnoreCase("AVRO")) {
            throw new SchemaRegistryException(
                    422,
                    SchemaRegistryException.INVALID_SCHEMA,
                    "Unsupported schema type '" + request.schemaType() + "'; this registry holds AVRO schemas only.");
        }
        if (request.references() != null && !request.references().isEmpty()) {
            throw new SchemaRegistryException(
                    422,
                    SchemaRegistryException.INVALID_SCHEMA,
                    "Schema references are not supported; register self-contained schemas.");
        }
        return RegistryJson.parseSchema(request.schema());
    }

    private static CompatibilityLevel levelOf(HttpExchange exchange) throws IOException {
        return CompatibilityLevel.parse(RegistryJson.MAPPER
                .readValue(exchange.getRequestBody(), ConfigUpdate.class)
                .compatibility());
    }

    private static int schemaId(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new SchemaRegistryException(
                    404, SchemaRegistryException.SCHEMA_NOT_FOUND, "Schema " + text + " not found.");
        }
    }

    private static VersionResponse versionBody(RegisteredSchema registered) {
        return new VersionResponse(
                registered.subject(),
                registered.version(),
                registered.id(),
                registered.schema().toString());
    }

    /** Decoded per segment, so an encoded '/' inside a subject name cannot split it. */
    private static List<String> segments(String rawPath) {
        return Arrays.stream(rawPath.split("/"))
                .filter(s -> !s.isEmpty())
                .map(RegistryHttpHandler::decode)
                .toList();
    }

    private static Map<String, String> query(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return Map.of();
        }
        return Arrays.stream(rawQuery.split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(kv -> decode(kv[0]), kv -> kv.length > 1 ? decode(kv[1]) : "", (a, b) -> b));
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static void write(HttpExchange exchange, Response response) throws IOException {
        byte[] body = RegistryJson.MAPPER.writeValueAsBytes(response.body());
        exchange.getResponseHeaders().set("Content-Type", RegistryJson.CONTENT_TYPE);
        exchange.sendResponseHeaders(response.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
