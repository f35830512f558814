package org.aptituderouter.schemas.registry;

/** No registry URL answered at all (connection refused, timeout, ...), as opposed to answering with an error. */
public class RegistryUnreachableException extends SchemaRegistryException {

    public RegistryUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
