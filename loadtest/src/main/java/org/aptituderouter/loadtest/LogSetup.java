package org.aptituderouter.loadtest;

import java.nio.file.Path;

/**
 * Sends the router's and the clients' logs to a file while a benchmark runs, so they do not tear through the
 * progress bars. Must run before anything logs: logback reads these properties once, when it starts.
 */
public final class LogSetup {

    static final String CONFIG_RESOURCE = "loadtest-logback.xml";

    private LogSetup() {}

    public static void toFile(Path logFile) {
        System.setProperty("logback.configurationFile", CONFIG_RESOURCE);
        System.setProperty("loadtest.log.file", logFile.toAbsolutePath().toString());
        // the plot is drawn off-screen; a machine without a display must not try to open one
        System.setProperty("java.awt.headless", "true");
    }
}
