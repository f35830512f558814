package org.aptituderouter.trainer.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.aptituderouter.trainer.data.CsvFiles;

/**
 * The {@code --costs} file: CSV with a {@code model_id} column and a {@code cost} column (or {@code params_b}, so
 * the shared models.csv works as is). An empty cell leaves the model without a cost (1.0 by the contract).
 */
final class CostTable {

    private CostTable() {}

    static Map<String, Double> read(Path file) {
        Map<String, Double> costs = new HashMap<>();
        try (InputStream in = Files.newInputStream(file);
                CSVParser csv = CsvFiles.parse(in, file.toString())) {
            List<String> header = csv.getHeaderNames();
            String costColumn = header.contains("cost") ? "cost" : "params_b";
            if (!header.contains("model_id") || !header.contains(costColumn)) {
                throw new IllegalArgumentException(file + ": expected a header with model_id and cost (or params_b)");
            }
            for (CSVRecord record : CsvFiles.records(csv)) {
                String value = record.isSet(costColumn) ? record.get(costColumn) : "";
                if (!value.isEmpty()) {
                    costs.put(record.get("model_id"), parse(value, file, CsvFiles.line(csv)));
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return costs;
    }

    private static double parse(String value, Path file, long line) {
        try {
            double cost = Double.parseDouble(value);
            if (!Double.isFinite(cost) || cost < 0) {
                throw new NumberFormatException();
            }
            return cost;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    file + " line " + line + ": cost '" + value + "' is not a non-negative number");
        }
    }
}
