package org.aptituderouter.trainer.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;

/**
 * The one CSV dialect of the project, read and written with Apache Commons CSV: RFC 4180 (fields with commas, quotes
 * or line breaks are quoted, quotes doubled), the first record a header, blank lines skipped, cells trimmed.
 */
public final class CsvFiles {

    /** For writing: RFC 4180, lines ending in a newline. */
    public static final CSVFormat FORMAT =
            CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();

    private static final CSVFormat READ = CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .setIgnoreSurroundingSpaces(true)
            .setTrim(true)
            .get();

    private CsvFiles() {}

    /** For a list in one line (an option's value): RFC 4180, spaces around the cells dropped. */
    public static final CSVFormat LIST = CSVFormat.RFC4180
            .builder()
            .setIgnoreSurroundingSpaces(true)
            .setTrim(true)
            .get();

    /**
     * A parser over UTF-8 {@code in} whose header names the columns (a byte-order mark is dropped).
     *
     * @param source names the input in error messages
     * @throws IllegalArgumentException naming the source, when the header is unusable (a name missing or repeated)
     */
    public static CSVParser parse(InputStream in, String source) throws IOException {
        Reader text = new InputStreamReader(
                BOMInputStream.builder().setInputStream(in).get(), StandardCharsets.UTF_8);
        try {
            return CSVParser.builder().setReader(text).setFormat(READ).get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + " line 1: " + e.getMessage(), e);
        }
    }

    /** The line of the record just read, for error messages (the header is line 1; blank lines count). */
    public static long line(CSVParser parser) {
        return parser.getCurrentLineNumber();
    }

    /**
     * The parser's records but those of a line of spaces only (no record, as an empty line is none). Read one at a
     * time, so {@link #line} names the record in hand.
     */
    public static Iterable<CSVRecord> records(CSVParser parser) {
        return () -> parser.stream().filter(record -> !blank(record)).iterator();
    }

    private static boolean blank(CSVRecord record) {
        return record.stream().allMatch(String::isBlank);
    }
}
