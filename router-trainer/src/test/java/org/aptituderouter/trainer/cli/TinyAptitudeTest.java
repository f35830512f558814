package org.aptituderouter.trainer.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.aptituderouter.core.aptitude.AptitudeTask;
import org.aptituderouter.core.aptitude.AptitudeTest;
import org.aptituderouter.trainer.export.OnnxHeadExporter;
import org.aptituderouter.trainer.train.HeadArchitecture;
import org.aptituderouter.trainer.train.HeadEnsemble;
import org.aptituderouter.trainer.train.HeadWeights;

/**
 * A 3-task aptitude test (2 questions each) and an untrained head of matching width: enough to drive the CLI end
 * to end without depending on the trained bundle.
 */
final class TinyAptitudeTest {

  static final AptitudeTest TEST = new AptitudeTest("tiny-apt", List.of(
      new AptitudeTask("ori_mmlu-a", List.of("a1", "a2")),
      new AptitudeTask("ori_mmlu-b", List.of("b1", "b2")),
      new AptitudeTask("ori_mmlu-c", List.of("c1", "c2"))));

  private TinyAptitudeTest() {}

  static Path writeTest(Path dir) throws IOException {
    Path file = dir.resolve("aptitude-test.json");
    try (OutputStream out = Files.newOutputStream(file)) {
      TEST.write(out);
    }
    return file;
  }

  static Path writeHead(Path dir) throws IOException {
    Path file = dir.resolve("head.onnx");
    HeadWeights weights = HeadWeights.initial(HeadArchitecture.forTest(384, TEST), 5);
    Files.write(file, OnnxHeadExporter.export(new HeadEnsemble(List.of(weights)), "untrained test head"));
    return file;
  }
}
