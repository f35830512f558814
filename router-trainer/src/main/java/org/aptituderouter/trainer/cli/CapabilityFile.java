package org.aptituderouter.trainer.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.aptituderouter.core.aptitude.AptitudeTest;
import org.aptituderouter.core.capability.CapabilityLines;
import org.aptituderouter.core.capability.CapabilitySet;

/**
 * Reads the {@code route --capabilities} file into a capability set. A line that does not parse or does not
 * validate (wrong test, wrong length, values outside [0,1], bad cost) is reported with its line number and
 * skipped; the other models stay routable.
 */
final class CapabilityFile {

    /** @param badLines how many lines were reported and skipped */
    record Loaded(CapabilitySet set, int badLines) {}

    private CapabilityFile() {}

    static Loaded read(Path file, AptitudeTest test, PrintWriter err) throws IOException {
        CapabilitySet set = CapabilitySet.empty(test);
        int bad = 0;
        try (InputStream in = Files.newInputStream(file)) {
            for (Utf8Lines.Line line : Utf8Lines.read(in)) {
                try {
                    String text = line.strict().orElseThrow(() -> new IllegalArgumentException("invalid UTF-8"));
                    set = set.with(CapabilityLines.parse(text));
                } catch (IllegalArgumentException e) {
                    err.println("route: " + file.getFileName() + " line " + line.number() + ": " + e.getMessage());
                    bad++;
                }
            }
        }
        return new Loaded(set, bad);
    }
}
