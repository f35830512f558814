package org.aptituderouter.trainer.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.aptituderouter.core.aptitude.AptitudeTest;

/** The {@code --aptitude-test} option of the commands: a test file, or the one bundled with router-core. */
final class AptitudeTestOption {

  private AptitudeTestOption() {}

  static AptitudeTest load(Path file) throws IOException {
    if (file == null) {
      return AptitudeTest.bundled();
    }
    try (InputStream in = Files.newInputStream(file)) {
      return AptitudeTest.read(in);
    }
  }
}
