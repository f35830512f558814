package org.aptituderouter.app;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * Chooses where log lines go, before anything logs (logback reads its configuration once, at the first logger):
 * by default the log file ({@code logback.xml}: everything to {@code <router.log.dir>/router.log}, the console only
 * warnings and errors of the router's own code); with {@code --verbose}, everything on the console too
 * ({@code logback-verbose.xml}). A configuration chosen outside (the container image sets
 * {@code -Dlogback.configurationFile}) is left alone.
 */
final class ConsoleLogging {

    static final String VERBOSE = "--verbose";
    private static final String CONFIG = "logback.configurationFile";
    private static final String LOG_DIR = "router.log.dir";

    private ConsoleLogging() {}

    /**
     * @return the log file the default configuration writes, when it is the one in use
     */
    static Optional<Path> configure(String[] options) {
        if (System.getProperty(CONFIG) != null) {
            return Optional.empty();
        }
        if (Arrays.asList(options).contains(VERBOSE)) {
            System.setProperty(CONFIG, "logback-verbose.xml");
        }
        return Optional.of(Path.of(System.getProperty(LOG_DIR, "logs"), "router.log")
                .toAbsolutePath()
                .normalize());
    }

    /** The options without {@code --verbose}, which is not a configuration key. */
    static String[] withoutVerbose(String[] options) {
        return Arrays.stream(options).filter(option -> !option.equals(VERBOSE)).toArray(String[]::new);
    }
}
