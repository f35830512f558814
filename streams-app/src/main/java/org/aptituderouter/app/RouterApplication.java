package org.aptituderouter.app;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.aptituderouter.app.demo.DemoCommand;

/**
 * {@code bin/router serve|demo [--key=value ...]}.
 * <ul>
 *   <li>{@code serve}: route until stopped, against {@code kafka.bootstrap.servers}, or an in-process broker and
 *       schema registry when {@code router.embedded=true} (never implied: without either, start-up stops);</li>
 *   <li>{@code demo}: in-process cluster, a stream of sample instructions, a model joining mid-stream; then exit.</li>
 * </ul>
 */
public final class RouterApplication {

    private RouterApplication() {}

    /**
     * Stack of the thread that starts the router: loading the MiniLM tokenizer's native library (through DJL) can
     * overflow the 1 MB a JVM thread gets by default and kill the process with SIGSEGV (seen with the long command
     * line bin/router builds); the stream threads that later tokenize are fine with the default.
     */
    private static final long STARTUP_STACK_BYTES = 16L * 1024 * 1024;

    public static void main(String[] args) throws InterruptedException {
        Thread command = new Thread(null, () -> run(args), "router-main", STARTUP_STACK_BYTES);
        command.start();
        command.join();
    }

    private static void run(String[] args) {
        String command = args.length == 0 ? "" : args[0];
        String[] given = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        if (command.equals("serve") || command.equals("demo")) {
            ConsoleLogging.configure(given)
                    .ifPresent(file -> System.out.println("router: logs in " + file
                            + (Arrays.asList(given).contains(ConsoleLogging.VERBOSE)
                                    ? ""
                                    : " (--verbose: on the console too)")));
        }
        String[] options = ConsoleLogging.withoutVerbose(given);
        switch (command) {
            case "serve" -> serve(options);
            case "demo" -> System.exit(DemoCommand.run(options));
            case "help", "-h", "--help" -> System.out.println(usage());
            default -> {
                System.err.println(usage());
                System.exit(2);
            }
        }
    }

    private static void serve(String[] options) {
        RouterRuntime runtime;
        try {
            runtime = RouterRuntime.start(options, Map.of());
        } catch (RuntimeException e) {
            System.err.println("router: cannot start: " + StartupFailure.explain(e));
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            runtime.close();
                            stopped.countDown();
                        },
                        "router-shutdown"));
        System.out.println("router: serving on http://localhost:" + runtime.httpPort()
                + " (/health, /prometheus, /models), "
                + ManagementFactory.getRuntimeMXBean().getUptime()
                + " ms after the JVM started; Ctrl-C stops");
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String usage() {
        return """
                usage: bin/router serve [--verbose] [--key=value ...]   route instructions until stopped
                       bin/router demo  [--verbose] [--key=value ...]   in-process cluster, sample instructions
                                                                        under two policies, a model joining
                logs go to logs/router.log (the path is printed at start); --verbose shows them on the console too
                configuration: streams-app/src/main/resources/application.yml (router.*, kafka.*); serve needs
                kafka.bootstrap.servers, or --router.embedded=true for an in-process broker and registry""";
    }
}
