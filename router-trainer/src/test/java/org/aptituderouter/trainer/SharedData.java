package org.aptituderouter.trainer;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.aptituderouter.trainer.data.RoutingDataset;

/** The shared routing data for tests (surefire passes its folder as {@code shared.data.dir}), loaded once. */
public final class SharedData {

    private static RoutingDataset dataset;
    private static RoutingDataset nim;

    private SharedData() {}

    public static synchronized RoutingDataset dataset() {
        if (dataset == null) {
            String dir = System.getProperty("shared.data.dir", "../../shared/routing-data");
            assumeTrue(Files.isDirectory(Path.of(dir)), "shared routing data not found at " + dir);
            dataset = RoutingDataset.load(Path.of(dir));
        }
        return dataset;
    }

    /** The unlabelled mixed-task data set (7 models), loaded once. */
    public static synchronized RoutingDataset nim() {
        if (nim == null) {
            Path dir = Path.of(System.getProperty("shared.data.dir", "../../shared/routing-data"))
                    .resolve("nim-mixed");
            assumeTrue(Files.isDirectory(dir), "shared routing data not found at " + dir);
            nim = RoutingDataset.load(dir);
        }
        return nim;
    }

    /** router-core's resource folder in this checkout, where train writes the bundle (tests run in the module dir). */
    public static Path bundledModelDir() {
        return Path.of("..", "router-core", "src", "main", "resources", "org", "aptituderouter", "core", "model");
    }
}
