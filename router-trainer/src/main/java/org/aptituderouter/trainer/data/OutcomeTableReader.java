package org.aptituderouter.trainer.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads an outcomes CSV: {@code question_id} then one column per model holding 1, 0 or nothing (no result).
 * The same format serves the shared data set and the {@code capabilities --outcomes} input of a new model.
 */
public final class OutcomeTableReader {

    private OutcomeTableReader() {}

    public static OutcomeTable read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public static OutcomeTable read(InputStream input, String sourceName) throws IOException {
        try (CSVParser csv = CsvFiles.parse(input, sourceName)) {
            List<String> columns = csv.getHeaderNames();
            if (columns.isEmpty()) {
                throw new IllegalArgumentException(
                        sourceName + " is empty: expected a header 'question_id,<model>,...'");
            }
            if (columns.size() < 2 || !columns.get(0).equals("question_id")) {
                throw new IllegalArgumentException(sourceName + " line 1: expected header 'question_id,<model>,...'");
            }
            List<String> models = columns.subList(1, columns.size());
            List<String> questionIds = new ArrayList<>();
            List<byte[]> rows = new ArrayList<>();
            for (CSVRecord record : CsvFiles.records(csv)) {
                long line = CsvFiles.line(csv);
                if (record.size() != columns.size()) {
                    throw new IllegalArgumentException(sourceName + " line " + line + ": " + record.size()
                            + " cells where the header has " + columns.size());
                }
                byte[] row = new byte[models.size()];
                for (int m = 0; m < models.size(); m++) {
                    row[m] = parseOutcome(record.get(m + 1), sourceName, line, models.get(m));
                }
                questionIds.add(record.get(0));
                rows.add(row);
            }
            try {
                return new OutcomeTable(models, questionIds, rows.toArray(byte[][]::new));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(sourceName + ": " + e.getMessage(), e);
            }
        } catch (UncheckedIOException e) {
            throw new IllegalArgumentException(
                    sourceName + ": not valid CSV: " + e.getCause().getMessage(), e);
        }
    }

    private static byte parseOutcome(String cell, String sourceName, long lineNumber, String model) {
        switch (cell) {
            case "":
                return OutcomeTable.MISSING;
            case "1":
                return 1;
            case "0":
                return 0;
            default:
                throw new IllegalArgumentException(sourceName + " line " + lineNumber + ", model " + model
                        + ": outcome '" + cell + "' is not 1, 0 or empty");
        }
    }
}
