package org.aptituderouter.core.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.aptituderouter.core.aptitude.AptitudeTask;
import org.aptituderouter.core.aptitude.AptitudeTest;
import org.aptituderouter.core.bundle.RouterBundle;

/** Bundle folders for tests: an aptitude test of {@code tasks} one-question tasks, a given head, its metadata. */
public final class TestBundles {

    private TestBundles() {}

    public static Path write(Path dir, String testId, int tasks, byte[] head) throws IOException {
        Files.createDirectories(dir);
        List<AptitudeTask> list = new ArrayList<>();
        for (int k = 0; k < tasks; k++) {
            list.add(new AptitudeTask("task-" + k, List.of("q" + k)));
        }
        try (OutputStream out = Files.newOutputStream(dir.resolve(RouterBundle.APTITUDE_TEST))) {
            new AptitudeTest(testId, list).write(out);
        }
        Files.write(dir.resolve(RouterBundle.SCORER_HEAD), head);
        Files.writeString(
                dir.resolve(RouterBundle.HEAD_METADATA),
                "{\"aptitude_test_id\": \"" + testId + "\", \"encoder\": \"all-minilm-l6-v2/fp32\"}\n");
        return dir;
    }
}
