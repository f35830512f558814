package org.aptituderouter.trainer.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.aptituderouter.core.aptitude.AptitudeTask;
import org.aptituderouter.core.aptitude.AptitudeTest;
import org.aptituderouter.core.bundle.RouterBundle;
import org.aptituderouter.trainer.export.OnnxHeadExporter;
import org.aptituderouter.trainer.train.HeadArchitecture;
import org.aptituderouter.trainer.train.HeadEnsemble;
import org.aptituderouter.trainer.train.HeadWeights;

/**
 * A 3-task aptitude test (2 questions each, random centroids, no shrinkage) and an untrained head of matching
 * width, written as a bundle folder: enough to drive the CLI end to end without depending on the trained bundle.
 */
final class TinyAptitudeTest {

    static final AptitudeTest TEST = new AptitudeTest(
            "tiny-apt",
            List.of(
                    new AptitudeTask("task-a", List.of("a1", "a2"), 0.5, centroid(1)),
                    new AptitudeTask("task-b", List.of("b1", "b2"), 0.25, centroid(2)),
                    new AptitudeTask("task-c", List.of("c1", "c2"), 0.25, centroid(3))),
            0.0);

    private TinyAptitudeTest() {}

    /** The bundle folder: aptitude test, untrained head, metadata naming the encoder. */
    static Path writeBundle(Path dir) throws IOException {
        Files.createDirectories(dir);
        try (OutputStream out = Files.newOutputStream(dir.resolve(RouterBundle.APTITUDE_TEST))) {
            TEST.write(out);
        }
        HeadArchitecture architecture = HeadArchitecture.forTest(384, TEST);
        HeadWeights weights = HeadWeights.initial(architecture, HeadArchitecture.centroidMatrix(TEST));
        Files.write(
                dir.resolve(RouterBundle.SCORER_HEAD),
                OnnxHeadExporter.export(new HeadEnsemble(List.of(weights)), "untrained test head"));
        Files.writeString(
                dir.resolve(RouterBundle.HEAD_METADATA),
                "{\"aptitude_test_id\": \"tiny-apt\", \"encoder\": \"all-minilm-l6-v2/fp32\"}\n");
        return dir;
    }

    private static float[] centroid(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[384];
        double norm = 0;
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
            norm += values[i] * values[i];
        }
        for (int i = 0; i < values.length; i++) {
            values[i] /= (float) Math.sqrt(norm);
        }
        return values;
    }
}
