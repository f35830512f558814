package org.aptituderouter.app.topics;

import org.aptituderouter.schemas.registry.RegistryUnreachableException;

/**
 * Tells a record that cannot be read (skip or dead-letter it) from a schema registry that cannot be reached (fail
 * and retry later: the record is fine).
 */
public final class RegistryOutage {

    private RegistryOutage() {}

    public static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RegistryUnreachableException) {
                return true;
            }
        }
        return false;
    }
}
