package org.aptituderouter.trainer.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads {@code models.csv} ({@code model_id,params_b,...}); an empty {@code params_b} means unpublished. */
public final class ModelCatalogReader {

    private ModelCatalogReader() {}

    public static List<ModelInfo> read(Path file) {
        List<ModelInfo> models = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file);
                CSVParser csv = CsvFiles.parse(in, file.toString())) {
            List<String> header = csv.getHeaderNames();
            if (header.size() < 2
                    || !header.get(0).equals("model_id")
                    || !header.get(1).equals("params_b")) {
                throw new IllegalArgumentException(file + ": expected header 'model_id,params_b,...'");
            }
            for (CSVRecord record : CsvFiles.records(csv)) {
                models.add(parse(record, file, CsvFiles.line(csv)));
            }
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return List.copyOf(models);
    }

    private static ModelInfo parse(CSVRecord record, Path file, long line) {
        String params = record.size() > 1 ? record.get(1) : "";
        try {
            return new ModelInfo(
                    record.get(0),
                    params.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(Double.parseDouble(params)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file + " line " + line + ": params_b '" + params + "' is not a number");
        }
    }
}
