package org.aptituderouter.schemas.serde;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;
import org.aptituderouter.schemas.registry.BasicCredentials;
import org.aptituderouter.schemas.registry.RegistryUrls;
import org.aptituderouter.schemas.registry.SchemaRegistryClient;

/**
 * The serde's settings under Confluent's own key names and defaults, so one client configuration works with
 * this serde and with Confluent's KafkaAvroSerde alike. Unknown keys (the rest of a producer's or Streams'
 * configuration) are ignored.
 */
public final class AvroSerdeConfig extends AbstractConfig {

    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    public static final String USE_LATEST_VERSION = "use.latest.version";
    public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
    public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
    public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";
    public static final String LATEST_CACHE_TTL_SEC = "latest.cache.ttl.sec";

    /** Where basic-auth credentials come from: {@code user:password@} in the URL, or basic.auth.user.info. */
    public static final String SOURCE_URL = "URL";

    public static final String SOURCE_USER_INFO = "USER_INFO";

    private static final ConfigDef DEFINITION = new ConfigDef()
            .define(
                    SCHEMA_REGISTRY_URL,
                    Type.LIST,
                    List.of(),
                    Importance.HIGH,
                    "Comma-separated schema registry base URLs, tried in turn.")
            .define(
                    AUTO_REGISTER_SCHEMAS,
                    Type.BOOLEAN,
                    true,
                    Importance.MEDIUM,
                    "Register a record's schema under its subject when serializing; if false, look its id up instead.")
            .define(
                    USE_LATEST_VERSION,
                    Type.BOOLEAN,
                    false,
                    Importance.MEDIUM,
                    "Serialize with the id of the subject's latest version instead of registering or looking up the "
                            + "record's schema; the record's schema must have the same binary layout as that version.")
            .define(
                    BASIC_AUTH_CREDENTIALS_SOURCE,
                    Type.STRING,
                    SOURCE_URL,
                    ConfigDef.ValidString.in(SOURCE_URL, SOURCE_USER_INFO),
                    Importance.MEDIUM,
                    "URL: take user:password from the registry URL (no auth if it has none); USER_INFO: from "
                            + BASIC_AUTH_USER_INFO + ".")
            .define(
                    BASIC_AUTH_USER_INFO,
                    Type.PASSWORD,
                    new Password(""),
                    Importance.MEDIUM,
                    "Basic-auth credentials as user:password, used when the source is USER_INFO.")
            .define(
                    SPECIFIC_AVRO_READER,
                    Type.BOOLEAN,
                    false,
                    Importance.MEDIUM,
                    "Deserialize into the generated SpecificRecord class named by the writer schema instead of GenericRecord.")
            .define(
                    LATEST_CACHE_TTL_SEC,
                    Type.LONG,
                    -1L,
                    Importance.LOW,
                    "Seconds a subject's latest version is reused before asking the registry again; -1 reuses it forever.");

    public AvroSerdeConfig(Map<?, ?> configs) {
        super(DEFINITION, configs, false);
    }

    public boolean autoRegisterSchemas() {
        return getBoolean(AUTO_REGISTER_SCHEMAS);
    }

    public boolean useLatestVersion() {
        return getBoolean(USE_LATEST_VERSION);
    }

    public boolean specificAvroReader() {
        return getBoolean(SPECIFIC_AVRO_READER);
    }

    /** A registry client as these settings describe it. */
    public SchemaRegistryClient registryClient() {
        List<String> urls = getList(SCHEMA_REGISTRY_URL);
        if (urls.isEmpty()) {
            throw new ConfigException(
                    "Missing required configuration \"" + SCHEMA_REGISTRY_URL + "\" for the Avro serde");
        }
        try {
            long ttl = getLong(LATEST_CACHE_TTL_SEC);
            return new SchemaRegistryClient(urls, credentials(urls), ttl < 0 ? null : Duration.ofSeconds(ttl));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(SCHEMA_REGISTRY_URL, urls, e.getMessage());
        }
    }

    private BasicCredentials credentials(List<String> urls) {
        if (SOURCE_URL.equals(getString(BASIC_AUTH_CREDENTIALS_SOURCE))) {
            return RegistryUrls.userInfo(urls).orElse(null);
        }
        String userInfo = getPassword(BASIC_AUTH_USER_INFO).value();
        try {
            return BasicCredentials.parse(userInfo);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(BASIC_AUTH_USER_INFO + " must be user:password when "
                    + BASIC_AUTH_CREDENTIALS_SOURCE + "=" + SOURCE_USER_INFO);
        }
    }
}
