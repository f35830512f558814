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

    /** A parser over UTF-8 {@code in} whose header names the columns (a byte-order mark is dropped). */
    public static CSVParser parse(InputStream in) throws IOException {
        Reader text = new InputStreamReader(
                BOMInputStream.builder().setInputStream(in).get(), StandardCharsets.UTF_8);
        return CSVParser.builder().setReader(text).setFormat(READ).get();
    }

    /** The line a record starts on, for error messages: the header is line 1. */
    public static long line(CSVRecord record) {
        return record.getRecordNumber() + 1;
    }
}
