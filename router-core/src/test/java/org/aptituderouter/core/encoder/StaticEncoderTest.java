package org.aptituderouter.core.encoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.aptituderouter.core.Router;
import org.aptituderouter.core.bundle.RouterBundle;
import org.aptituderouter.core.inference.InferenceSettings;
import org.aptituderouter.core.inference.InferenceStartupException;
import org.aptituderouter.core.policy.PolicySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaticEncoderTest {

    private static final int VOCABULARY = 30522;
    private static final int DIMENSION = 8;

    private static StaticTable randomTable() {
        Random random = new Random(3);
        float[] vectors = new float[VOCABULARY * DIMENSION];
        for (int i = 0; i < vectors.length; i++) {
            vectors[i] = (float) random.nextGaussian();
        }
        return new StaticTable("test-teacher/fp32", VOCABULARY, DIMENSION, vectors);
    }

    @Test
    void anEmbeddingIsTheNormalisedSumOfTheTextsWordPieceVectors() {
        StaticTable table = randomTable();
        try (StaticEncoder encoder = StaticEncoder.create(table, InferenceSettings.defaults());
                MiniLmTokenizer tokenizer = MiniLmTokenizer.load(EncoderVariant.FP32, 256)) {
            String text = "Which planet is the largest?";
            long[] ids = tokenizer.ids(List.of(text))[0];
            float[] expected = new float[DIMENSION];
            for (int t = 1; t < ids.length - 1; t++) {
                for (int d = 0; d < DIMENSION; d++) {
                    expected[d] += table.vectors()[(int) ids[t] * DIMENSION + d];
                }
            }
            double norm = Math.sqrt(dot(expected, expected));

            float[][] out = encoder.encode(List.of(text, ""));

            for (int d = 0; d < DIMENSION; d++) {
                assertThat(out[0][d]).isCloseTo((float) (expected[d] / norm), within(1e-5f));
            }
            assertThat(dot(out[1], out[1]))
                    .as("no word pieces: the zero vector")
                    .isZero();
            assertThat(encoder.dimension()).isEqualTo(DIMENSION);
            assertThat(encoder.version()).isEqualTo("static-" + table.fingerprint() + "/" + DIMENSION);
        }
    }

    @Test
    void theTableSurvivesItsFileAndADamagedFileSaysHowToMakeAnother(@TempDir Path dir) throws Exception {
        StaticTable table = randomTable();
        Path file = dir.resolve(StaticTable.FILE_NAME);
        table.write(file);

        StaticTable read = StaticTable.read(file);
        assertThat(read.fingerprint()).isEqualTo(table.fingerprint());
        assertThat(read.teacher()).isEqualTo("test-teacher/fp32");
        assertThat(Arrays.equals(read.vectors(), table.vectors())).isTrue();

        Files.write(file, Arrays.copyOf(Files.readAllBytes(file), 1000));
        assertThatThrownBy(() -> StaticTable.read(file))
                .hasMessageContaining("truncated")
                .hasMessageContaining("bin/router distill");
        assertThatThrownBy(() -> StaticEncoder.create(InferenceSettings.defaults()
                        .withEncoder(EncoderFamily.STATIC)
                        .withStaticTable(dir.resolve("absent.bin"))))
                .isInstanceOf(InferenceStartupException.class)
                .hasMessageContaining("run bin/router distill");
    }

    @Test
    void aHeadTrainedForMiniLmRefusesTheStaticEncoder(@TempDir Path dir) {
        Path file = dir.resolve(StaticTable.FILE_NAME);
        randomTable().write(file);
        InferenceSettings settings =
                InferenceSettings.defaults().withEncoder(EncoderFamily.STATIC).withStaticTable(file);

        assertThatThrownBy(() -> Router.create(settings, PolicySpec.quality(), RouterBundle.bundled()))
                .isInstanceOf(InferenceStartupException.class)
                .hasMessageContaining("was trained for encoder all-minilm-l6-v2")
                .hasMessageContaining("static-");
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (double) a[i] * b[i];
        }
        return sum;
    }
}
