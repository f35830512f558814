package org.aptituderouter.loadtest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.aptituderouter.loadtest.generator.InstructionTexts;

/**
 * Where the benchmark's instruction texts come from: a file named on the command line, else the shared MMLU-Pro
 * questions (read in place, never copied into the repository), else the sample instructions bundled with the app.
 */
record TextSource(Path file, String description) {

    static final String SHARED_QUESTIONS = "mmlu-pro/questions.jsonl";

    static TextSource resolve(Path explicit, Path dataDir) {
        if (explicit != null) {
            if (!Files.isRegularFile(explicit)) {
                throw new IllegalArgumentException("--texts " + explicit + " is not a file");
            }
            return new TextSource(explicit, explicit.toString());
        }
        Path data = dataDir != null ? dataDir : sharedDataDir();
        if (data != null && Files.isRegularFile(data.resolve(SHARED_QUESTIONS))) {
            Path questions = data.resolve(SHARED_QUESTIONS);
            return new TextSource(questions, questions.normalize().toString());
        }
        return new TextSource(null, "the app's sample instructions (" + InstructionTexts.SAMPLE_RESOURCE + ")");
    }

    /** bin/router names the shared data directory in one property, Maven's surefire in the other. */
    private static Path sharedDataDir() {
        String dir = System.getProperty("router.shared.data.dir", System.getProperty("shared.data.dir"));
        return dir == null || dir.isBlank() ? null : Path.of(dir);
    }

    List<String> read(int limit) {
        return file == null ? InstructionTexts.samples(limit) : InstructionTexts.read(file, limit);
    }
}
