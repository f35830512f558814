package org.aptituderouter.trainer.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
    BufferedReader in = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8));
    String header = in.readLine();
    if (header == null) {
      throw new IllegalArgumentException(sourceName + " is empty: expected a header 'question_id,<model>,...'");
    }
    List<String> columns = splitCells(stripBom(header));
    if (columns.size() < 2 || !columns.get(0).equals("question_id")) {
      throw new IllegalArgumentException(sourceName + " line 1: expected header 'question_id,<model>,...'");
    }
    List<String> models = columns.subList(1, columns.size());
    List<String> questionIds = new ArrayList<>();
    List<byte[]> rows = new ArrayList<>();
    String line;
    int lineNumber = 1;
    while ((line = in.readLine()) != null) {
      lineNumber++;
      if (line.isBlank()) {
        continue;
      }
      List<String> cells = splitCells(line);
      if (cells.size() != columns.size()) {
        throw new IllegalArgumentException(sourceName + " line " + lineNumber + ": " + cells.size()
            + " cells where the header has " + columns.size());
      }
      byte[] row = new byte[models.size()];
      for (int m = 0; m < models.size(); m++) {
        row[m] = parseOutcome(cells.get(m + 1), sourceName, lineNumber, models.get(m));
      }
      questionIds.add(cells.get(0));
      rows.add(row);
    }
    return new OutcomeTable(models, questionIds, rows.toArray(byte[][]::new));
  }

  private static byte parseOutcome(String cell, String sourceName, int lineNumber, String model) {
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

  /** The files hold ids and digits only, so quoting never occurs; trailing empty cells must survive. */
  private static List<String> splitCells(String line) {
    return Arrays.stream(line.split(",", -1)).map(String::strip).toList();
  }

  private static String stripBom(String header) {
    return header.startsWith("\uFEFF") ? header.substring(1) : header;
  }
}
