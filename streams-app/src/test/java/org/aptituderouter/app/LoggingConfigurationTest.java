package org.aptituderouter.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.status.Status;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shipped logging configurations load without errors, and the default one keeps framework lines off the
 * console: they go to the log file (under {@code router.log.dir}), while the router's own warnings reach both.
 */
class LoggingConfigurationTest {

    @TempDir
    Path logDir;

    @ParameterizedTest
    @ValueSource(strings = {"logback.xml", "logback-verbose.xml", "logback-container.xml"})
    void loadsWithoutErrors(String resource) throws Exception {
        LoggerContext context = configure(resource);
        List<String> errors = context.getStatusManager().getCopyOfStatusList().stream()
                .filter(status -> status.getEffectiveLevel() >= Status.WARN)
                .map(Status::getMessage)
                .toList();
        assertThat(errors).isEmpty();
        context.stop();
    }

    @Test
    void theDefaultSendsFrameworkLinesToTheFileAndOwnWarningsToTheConsoleToo() throws Exception {
        LoggerContext context = configure("logback.xml");
        Logger framework = context.getLogger("io.micronaut.context.DefaultBeanContext");
        Logger own = context.getLogger("org.aptituderouter.app.capability.BacklogMonitor");
        List<Appender<?>> consoleOfFramework = appendersOf(framework, "CONSOLE");
        List<Appender<?>> consoleOfOwn = appendersOf(own, "CONSOLE");
        assertThat(consoleOfFramework).as("framework loggers reach no console").isEmpty();
        assertThat(consoleOfOwn).as("the router's loggers reach the console").hasSize(1);
        assertThat(appendersOf(framework, "FILE")).hasSize(1);

        // the console appender lets warnings through, not info
        LoggingEvent info = new LoggingEvent("x", own, Level.INFO, "info", null, null);
        LoggingEvent warn = new LoggingEvent("x", own, Level.WARN, "warn", null, null);
        @SuppressWarnings("unchecked")
        ch.qos.logback.core.ConsoleAppender<ch.qos.logback.classic.spi.ILoggingEvent> console =
                (ch.qos.logback.core.ConsoleAppender<ch.qos.logback.classic.spi.ILoggingEvent>) consoleOfOwn.get(0);
        assertThat(console.getFilterChainDecision(info)).isEqualTo(ch.qos.logback.core.spi.FilterReply.DENY);
        assertThat(console.getFilterChainDecision(warn)).isNotEqualTo(ch.qos.logback.core.spi.FilterReply.DENY);
        assertThat(((ch.qos.logback.core.FileAppender<?>)
                                appendersOf(framework, "FILE").get(0))
                        .getFile())
                .isEqualTo(logDir.resolve("router.log").toString());
        context.stop();
    }

    private LoggerContext configure(String resource) throws Exception {
        LoggerContext context = new LoggerContext();
        context.putProperty("router.log.dir", logDir.toString());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        URL url = getClass().getClassLoader().getResource(resource);
        assertThat(url).as(resource + " on the class path").isNotNull();
        configurator.doConfigure(url);
        context.start();
        return context;
    }

    /** Appenders of this name that a line of this logger reaches (its own and its ancestors', by additivity). */
    private static List<Appender<?>> appendersOf(Logger logger, String name) {
        List<Appender<?>> found = new ArrayList<>();
        for (Logger at = logger; at != null; at = at.isAdditive() ? parent(at) : null) {
            for (Iterator<Appender<ch.qos.logback.classic.spi.ILoggingEvent>> it = at.iteratorForAppenders();
                    it.hasNext(); ) {
                Appender<?> appender = it.next();
                if (appender.getName().equals(name)) {
                    found.add(appender);
                }
            }
        }
        return found;
    }

    private static Logger parent(Logger logger) {
        String name = logger.getName();
        if (name.equals(Logger.ROOT_LOGGER_NAME)) {
            return null;
        }
        int dot = name.lastIndexOf('.');
        return logger.getLoggerContext().getLogger(dot < 0 ? Logger.ROOT_LOGGER_NAME : name.substring(0, dot));
    }
}
