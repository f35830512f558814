package org.aptituderouter.trainer.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/** Reads {@code models.csv} ({@code model_id,params_b,...}); an empty {@code params_b} means unpublished. */
public final class ModelCatalogReader {

  private ModelCatalogReader() {}

  public static List<ModelInfo> read(Path file) {
    List<ModelInfo> models = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String header = in.readLine();
      if (header == null || !header.startsWith("model_id,params_b")) {
        throw new IllegalArgumentException(file + ": expected header 'model_id,params_b,...'");
      }
      String line;
      int lineNumber = 1;
      while ((line = in.readLine()) != null) {
        lineNumber++;
        if (!line.isBlank()) {
          models.add(parse(line.split(",", -1), file, lineNumber));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    return List.copyOf(models);
  }

  private static ModelInfo parse(String[] cells, Path file, int lineNumber) {
    String params = cells.length > 1 ? cells[1].strip() : "";
    try {
      return new ModelInfo(cells[0].strip(),
          params.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(Double.parseDouble(params)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(file + " line " + lineNumber + ": params_b '" + params + "' is not a number");
    }
  }
}
