package org.aptituderouter.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A router instance's stable identity for Kafka's static group membership ({@code group.instance.id}), kept in its
 * state directory: the instance that restarts on the same state (a crashed process, a pod with its volume) is the
 * same group member again, takes its partitions back at once, and nobody waits out {@code session.timeout.ms}.
 * One state directory is one instance already (Kafka Streams locks it and keeps its process id there), so the
 * identity goes with it.
 */
public final class InstanceIdentity {

    /** The file in the state directory that holds the identity. */
    public static final String FILE = "router-instance-id";

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1,200}");

    private InstanceIdentity() {}

    /** The identity kept in this state directory; created (and the directory with it) on first use. */
    public static String of(Path stateDir) {
        Path file = stateDir.resolve(FILE);
        try {
            if (Files.isRegularFile(file)) {
                String id = Files.readString(file, StandardCharsets.UTF_8).trim();
                if (!VALID.matcher(id).matches()) {
                    throw new IllegalStateException(file + " holds '" + id + "', which is not an instance id: delete "
                            + "the file (a new id is made) or set kafka.streams.default.group.instance.id");
                }
                return id;
            }
            Files.createDirectories(stateDir);
            String id = "router-" + UUID.randomUUID().toString().substring(0, 8);
            Files.writeString(
                    file, id + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot keep the router's instance id in " + file + ": " + e.getMessage()
                            + " (make kafka.streams.default.state.dir writable, set kafka.streams.default.group.instance.id, "
                            + "or set router.static-membership=false)",
                    e);
        }
    }
}
