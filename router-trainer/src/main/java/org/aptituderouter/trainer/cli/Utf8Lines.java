package org.aptituderouter.trainer.cli;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Splits input into numbered lines of bytes and decodes each on its own, so that one line of invalid UTF-8 is
 * reported as that line instead of aborting the whole file (as a decoding reader would).
 */
final class Utf8Lines {

    record Line(int number, byte[] bytes) {

        /** The line if it is valid UTF-8. */
        Optional<String> strict() {
            try {
                return Optional.of(StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes))
                        .toString());
            } catch (CharacterCodingException e) {
                return Optional.empty();
            }
        }

        /** The line with invalid sequences replaced by U+FFFD, for best-effort naming of a bad line. */
        String lenient() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private Utf8Lines() {}

    /** Every line that is not blank, numbered from 1; a trailing carriage return is dropped. */
    static List<Line> read(InputStream input) throws IOException {
        List<Line> lines = new ArrayList<>();
        InputStream in = new BufferedInputStream(input);
        ByteArrayOutputStream current = new ByteArrayOutputStream();
        int number = 1;
        for (int b = in.read(); b != -1; b = in.read()) {
            if (b == '\n') {
                add(lines, number++, current);
            } else {
                current.write(b);
            }
        }
        add(lines, number, current);
        return lines;
    }

    private static void add(List<Line> lines, int number, ByteArrayOutputStream current) {
        byte[] bytes = current.toByteArray();
        current.reset();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        byte[] line = java.util.Arrays.copyOf(bytes, length);
        if (!new String(line, StandardCharsets.UTF_8).isBlank()) {
            lines.add(new Line(number, line));
        }
    }
}
