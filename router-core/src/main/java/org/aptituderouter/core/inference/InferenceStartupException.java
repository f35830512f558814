package org.aptituderouter.core.inference;

/** A model could not be loaded or an execution provider could not start; the message says how to fix it. */
public class InferenceStartupException extends RuntimeException {

    public InferenceStartupException(String message) {
        super(message);
    }

    public InferenceStartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
