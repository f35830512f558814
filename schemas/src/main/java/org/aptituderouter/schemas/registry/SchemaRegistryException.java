package org.aptituderouter.schemas.registry;

/**
 * A schema registry answered with an error, in Confluent's terms: the HTTP status and the
 * {@code error_code} of its {@code {"error_code", "message"}} body. The server throws it to produce that
 * body; the client throws it when it reads one, so callers see the same codes on both sides.
 */
public class SchemaRegistryException extends RuntimeException {

    /** Confluent's error codes that this project produces or reacts to. */
    public static final int SUBJECT_NOT_FOUND = 40401;

    public static final int VERSION_NOT_FOUND = 40402;
    public static final int SCHEMA_NOT_FOUND = 40403;
    public static final int SUBJECT_LEVEL_COMPATIBILITY_NOT_CONFIGURED = 40408;
    public static final int INCOMPATIBLE_SCHEMA = 409;
    public static final int INVALID_SCHEMA = 42201;
    public static final int INVALID_VERSION = 42202;
    public static final int INVALID_COMPATIBILITY_LEVEL = 42203;

    private final int httpStatus;
    private final int errorCode;

    public SchemaRegistryException(int httpStatus, int errorCode, String message) {
        super(message);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
    }

    protected SchemaRegistryException(String message, Throwable cause) {
        super(message, cause);
        this.httpStatus = 0;
        this.errorCode = 0;
    }

    /** HTTP status of the answer; 0 when no registry answered. */
    public int httpStatus() {
        return httpStatus;
    }

    /** Confluent {@code error_code} of the answer; 0 when no registry answered. */
    public int errorCode() {
        return errorCode;
    }

    static SchemaRegistryException subjectNotFound(String subject) {
        return new SchemaRegistryException(404, SUBJECT_NOT_FOUND, "Subject '" + subject + "' not found.");
    }
}
