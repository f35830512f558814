package org.aptituderouter.trainer;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.aptituderouter.trainer.data.RoutingDataset;

/** The shared routing data for tests (surefire passes its folder as {@code shared.data.dir}), loaded once. */
public final class SharedData {

  private static RoutingDataset dataset;

  private SharedData() {}

  public static synchronized RoutingDataset dataset() {
    if (dataset == null) {
      String dir = System.getProperty("shared.data.dir", "../../shared/routing-data");
      assumeTrue(Files.isDirectory(Path.of(dir)), "shared routing data not found at " + dir);
      dataset = RoutingDataset.load(Path.of(dir));
    }
    return dataset;
  }

  /** router-core's resource folder in this checkout, where train writes the bundle (tests run in the module dir). */
  public static Path bundledModelDir() {
    return Path.of("..", "router-core", "src", "main", "resources", "org", "aptituderouter", "core", "model");
  }
}
