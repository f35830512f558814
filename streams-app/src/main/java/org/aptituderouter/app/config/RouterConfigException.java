package org.aptituderouter.app.config;

/**
 * A setting the router cannot start with. The message names the key and says what to change, because it is the
 * one line an operator reads when start-up stops.
 */
public class RouterConfigException extends RuntimeException {

    public RouterConfigException(String message) {
        super(message);
    }
}
