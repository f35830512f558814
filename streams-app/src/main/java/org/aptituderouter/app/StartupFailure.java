package org.aptituderouter.app;

import org.aptituderouter.app.config.RouterConfigException;
import org.aptituderouter.core.inference.InferenceStartupException;

/**
 * The one line to print when start-up fails. Micronaut wraps a failing bean in layers of "error instantiating
 * bean" messages; the useful sentence is the router's own exception somewhere in the chain, or else the root cause.
 */
final class StartupFailure {

    private StartupFailure() {}

    static String explain(Throwable failure) {
        Throwable root = failure;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RouterConfigException || t instanceof InferenceStartupException) {
                return t.getMessage();
            }
            root = t;
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
