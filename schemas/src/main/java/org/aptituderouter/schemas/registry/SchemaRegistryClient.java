package org.aptituderouter.schemas.registry;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.avro.Schema;
import org.aptituderouter.schemas.registry.RegistryJson.CompatibilityResponse;
import org.aptituderouter.schemas.registry.RegistryJson.ErrorResponse;
import org.aptituderouter.schemas.registry.RegistryJson.IdResponse;
import org.aptituderouter.schemas.registry.RegistryJson.SchemaByIdResponse;
import org.aptituderouter.schemas.registry.RegistryJson.SchemaRequest;
import org.aptituderouter.schemas.registry.RegistryJson.VersionResponse;

/**
 * Client for Confluent's schema registry REST API. Ids and registrations are immutable in a registry, so
 * they are cached for the client's life and a running serde asks the registry once per schema; the latest
 * version of a subject can change, so it is cached only for {@code latestCacheTtl}. With several URLs, each
 * is tried in turn until one answers, as Confluent's client fails over.
 * Thread-safe: one instance serves all stream threads.
 */
public final class SchemaRegistryClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private record SubjectSchema(String subject, Schema schema) {}

    private record Expiring(RegisteredSchema value, long expiresAtNanos) {}

    private final List<String> baseUrls;
    private final BasicCredentials credentials;
    private final Duration latestCacheTtl;
    private final HttpClient http;
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
    private final Map<SubjectSchema, Integer> idsBySubjectSchema = new ConcurrentHashMap<>();
    private final Map<SubjectSchema, RegisteredSchema> lookups = new ConcurrentHashMap<>();
    private final Map<String, Expiring> latestBySubject = new ConcurrentHashMap<>();

    /** A client without authentication whose latest-version answers never expire. */
    public SchemaRegistryClient(String url) {
        this(List.of(url), null, null);
    }

    /**
     * @param urls           registry base URLs; user info in them is ignored here (see {@link RegistryUrls})
     * @param credentials    basic-auth credentials, or null for none
     * @param latestCacheTtl how long a latest-version answer is reused; null to reuse it forever
     */
    public SchemaRegistryClient(List<String> urls, BasicCredentials credentials, Duration latestCacheTtl) {
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("At least one schema registry URL is required");
        }
        this.baseUrls = urls.stream().map(RegistryUrls::base).toList();
        this.credentials = credentials;
        this.latestCacheTtl = latestCacheTtl;
        // HTTP/1.1: Confluent's registry and ours speak it; an h2c upgrade attempt would only add a round trip.
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(TIMEOUT)
                .build();
    }

    public List<String> urls() {
        return baseUrls;
    }

    /** Registers {@code schema} under {@code subject} (or finds it there) and returns its global id. */
    public int register(String subject, Schema schema) {
        return cached(idsBySubjectSchema, new SubjectSchema(subject, schema), key -> {
            int id = read(
                            send(
                                    "POST",
                                    "/subjects/" + encode(subject) + "/versions",
                                    SchemaRequest.of(schema.toString())),
                            IdResponse.class)
                    .id();
            schemasById.putIfAbsent(id, schema);
            return id;
        });
    }

    /** The schema with this global id, e.g. the writer schema named in a record's header. */
    public Schema schemaById(int id) {
        return cached(
                schemasById,
                id,
                key -> RegistryJson.parseSchema(read(send("GET", "/schemas/ids/" + id, null), SchemaByIdResponse.class)
                        .schema()));
    }

    /** The subject's newest version. */
    public RegisteredSchema latest(String subject) {
        Expiring cached = latestBySubject.get(subject);
        if (cached != null && System.nanoTime() - cached.expiresAtNanos() < 0) {
            return cached.value();
        }
        RegisteredSchema latest = registered(send("GET", "/subjects/" + encode(subject) + "/versions/latest", null));
        long ttlNanos = latestCacheTtl == null ? Long.MAX_VALUE / 2 : latestCacheTtl.toNanos();
        latestBySubject.put(subject, new Expiring(latest, System.nanoTime() + ttlNanos));
        return latest;
    }

    /** The version of {@code subject} that holds exactly {@code schema}, without registering anything. */
    public RegisteredSchema lookup(String subject, Schema schema) {
        return cached(lookups, new SubjectSchema(subject, schema), key -> {
            RegisteredSchema found =
                    registered(send("POST", "/subjects/" + encode(subject), SchemaRequest.of(schema.toString())));
            idsBySubjectSchema.putIfAbsent(key, found.id());
            return found;
        });
    }

    public List<String> subjects() {
        return read(send("GET", "/subjects", null), new TypeReference<List<String>>() {});
    }

    /** Whether {@code schema} may be registered next under {@code subject}'s compatibility level. */
    public boolean isCompatible(String subject, Schema schema) {
        return read(
                        send(
                                "POST",
                                "/compatibility/subjects/" + encode(subject) + "/versions/latest",
                                SchemaRequest.of(schema.toString())),
                        CompatibilityResponse.class)
                .isCompatible();
    }

    private RegisteredSchema registered(byte[] body) {
        VersionResponse response = read(body, VersionResponse.class);
        Schema schema = cached(schemasById, response.id(), id -> RegistryJson.parseSchema(response.schema()));
        return new RegisteredSchema(response.subject(), response.version(), response.id(), schema);
    }

    /**
     * Like computeIfAbsent, but the registry call runs outside the map's lock so a slow registry stalls only
     * the caller that needs it; two racing callers get the same answer because registry answers are stable.
     */
    private static <K, V> V cached(Map<K, V> cache, K key, Function<K, V> loader) {
        V value = cache.get(key);
        if (value == null) {
            value = loader.apply(key);
            V raced = cache.putIfAbsent(key, value);
            return raced == null ? value : raced;
        }
        return value;
    }

    private byte[] send(String method, String path, Object body) {
        byte[] payload = body == null ? null : write(body);
        IOException lastFailure = null;
        for (String base : baseUrls) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(TIMEOUT)
                    .header("Accept", RegistryJson.CONTENT_TYPE)
                    .method(method, payload == null ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(payload));
            if (payload != null) {
                request.header("Content-Type", RegistryJson.CONTENT_TYPE);
            }
            if (credentials != null) {
                request.header("Authorization", credentials.authorizationHeader());
            }
            HttpResponse<byte[]> response;
            try {
                response = http.send(request.build(), BodyHandlers.ofByteArray());
            } catch (IOException e) {
                lastFailure = e;
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RegistryUnreachableException("Interrupted while calling the schema registry at " + base, e);
            }
            if (response.statusCode() / 100 != 2) {
                throw failure(base, method, path, response);
            }
            return response.body();
        }
        throw new RegistryUnreachableException(
                "Schema registry unreachable at " + String.join(", ", baseUrls) + " (" + method + " " + path + "): "
                        + lastFailure,
                lastFailure);
    }

    private static SchemaRegistryException failure(
            String base, String method, String path, HttpResponse<byte[]> response) {
        int errorCode = response.statusCode();
        String message = new String(response.body(), StandardCharsets.UTF_8);
        try {
            ErrorResponse error = RegistryJson.MAPPER.readValue(response.body(), ErrorResponse.class);
            errorCode = error.errorCode();
            message = error.message();
        } catch (IOException e) {
            // not Confluent's error body (e.g. a proxy's or an auth page): keep the raw text
        }
        return new SchemaRegistryException(
                response.statusCode(),
                errorCode,
                "Schema registry " + base + " answered " + method + " " + path + " with HTTP " + response.statusCode()
                        + " (error_code " + errorCode + "): " + message);
    }

    private static byte[] write(Object body) {
        try {
            return RegistryJson.MAPPER.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot encode registry request", e);
        }
    }

    private static <T> T read(byte[] body, Class<T> type) {
        try {
            return RegistryJson.MAPPER.readValue(body, type);
        } catch (IOException e) {
            throw unreadable(body, e);
        }
    }

    private static <T> T read(byte[] body, TypeReference<T> type) {
        try {
            return RegistryJson.MAPPER.readValue(body, type);
        } catch (IOException e) {
            throw unreadable(body, e);
        }
    }

    private static SchemaRegistryException unreadable(byte[] body, IOException e) {
        return new SchemaRegistryException(
                200,
                0,
                "Unreadable schema registry response '" + new String(body, StandardCharsets.UTF_8) + "': "
                        + e.getMessage());
    }

    /** Subjects are topic names plus -key/-value, but encode anyway so any subject survives the path. */
    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
