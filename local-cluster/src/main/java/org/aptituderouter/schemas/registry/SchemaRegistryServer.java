package org.aptituderouter.schemas.registry;

import com.sun.net.httpserver.BasicAuthenticator;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A schema registry speaking Confluent's REST API (the subset Avro clients use, listed in the README), held
 * in memory, for embedded mode and tests. Built on the JDK's HTTP server so it adds no dependency.
 * Confluent clients, ours included, cannot tell it from the real one for those endpoints.
 */
public final class SchemaRegistryServer implements AutoCloseable {

    private static final int HANDLER_THREADS = 4;

    private final SchemaStore store = new SchemaStore();
    private final BasicCredentials credentials;
    private HttpServer server;
    private ExecutorService executor;

    /** A server that accepts every request. */
    public SchemaRegistryServer() {
        this(null);
    }

    private SchemaRegistryServer(BasicCredentials credentials) {
        this.credentials = credentials;
    }

    /** A server that demands HTTP basic auth with these credentials, as Confluent's does when configured so. */
    public static SchemaRegistryServer withBasicAuth(String user, String password) {
        return new SchemaRegistryServer(new BasicCredentials(user, password));
    }

    /**
     * {@code java ... SchemaRegistryServer [PORT]}: a registry in a process of its own, on the loopback interface
     * (PORT 0 or none picks a free one; the URL is printed). The chaos harness runs it so; it stops on SIGTERM.
     */
    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        SchemaRegistryServer server = new SchemaRegistryServer().start(port);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "schema-registry-shutdown"));
        System.out.println("schema registry: listening at " + server.url());
        Thread.currentThread().join();
    }

    /** Starts on the loopback interface; port 0 picks a free one. */
    public SchemaRegistryServer start(int port) {
        return start(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    }

    public synchronized SchemaRegistryServer start(InetSocketAddress address) {
        if (server != null) {
            throw new IllegalStateException("Schema registry server already started at " + url());
        }
        try {
            server = HttpServer.create(address, 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the schema registry server on " + address, e);
        }
        executor = Executors.newFixedThreadPool(HANDLER_THREADS, daemonThreads());
        server.setExecutor(executor);
        HttpContext context = server.createContext("/", new RegistryHttpHandler(store));
        if (credentials != null) {
            context.setAuthenticator(new CredentialsCheck(credentials));
        }
        server.start();
        return this;
    }

    /** Base URL for {@code schema.registry.url}, e.g. {@code http://127.0.0.1:41234}. */
    public synchronized String url() {
        if (server == null) {
            throw new IllegalStateException("Schema registry server not started");
        }
        InetSocketAddress bound = server.getAddress();
        return "http://" + bound.getAddress().getHostAddress() + ":" + bound.getPort();
    }

    public synchronized int port() {
        return server.getAddress().getPort();
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }

    /** Daemon threads, so an embedded registry never keeps a finished JVM alive. */
    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "schema-registry-http-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static final class CredentialsCheck extends BasicAuthenticator {
        private final byte[] expected;

        CredentialsCheck(BasicCredentials credentials) {
            super("schema-registry");
            this.expected = (credentials.user() + ":" + credentials.password()).getBytes(StandardCharsets.UTF_8);
        }

        /** Constant-time comparison, so response timing does not leak how much of a guess was right. */
        @Override
        public boolean checkCredentials(String user, String password) {
            return MessageDigest.isEqual(expected, (user + ":" + password).getBytes(StandardCharsets.UTF_8));
        }
    }
}
