package org.aptituderouter.trainer.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code --costs} file: CSV with a {@code model_id} column and a {@code cost} column (or {@code params_b}, so
 * the shared models.csv works as is). An empty cell leaves the model without a cost (1.0 by the contract).
 */
final class CostTable {

  private CostTable() {}

  static Map<String, Double> read(Path file) {
    Map<String, Double> costs = new HashMap<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String headerLine = in.readLine();
      List<String> header = headerLine == null ? List.of() : List.of(headerLine.strip().split(",", -1));
      int id = header.indexOf("model_id");
      int cost = header.contains("cost") ? header.indexOf("cost") : header.indexOf("params_b");
      if (id < 0 || cost < 0) {
        throw new IllegalArgumentException(file + ": expected a header with model_id and cost (or params_b)");
      }
      String line;
      int number = 1;
      while ((line = in.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        String[] cells = line.split(",", -1);
        String value = cells.length > cost ? cells[cost].strip() : "";
        if (!value.isEmpty()) {
          costs.put(cells[id].strip(), parse(value, file, number));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    return costs;
  }

  private static double parse(String value, Path file, int line) {
    try {
      double cost = Double.parseDouble(value);
      if (!Double.isFinite(cost) || cost < 0) {
        throw new NumberFormatException();
      }
      return cost;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(file + " line " + line + ": cost '" + value + "' is not a non-negative number");
    }
  }
}
