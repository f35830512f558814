package org.aptituderouter.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.aptituderouter.core.inference.InferenceSettings;
import org.aptituderouter.core.inference.InferenceStartupException;
import org.aptituderouter.core.testing.TestHeads;
import org.junit.jupiter.api.Test;

class ScorerHeadTest {

    private static final InferenceSettings CPU = InferenceSettings.defaults();

    /** weights [3][2]: embedding dims 3, capability dims 2 */
    private static final float[][] WEIGHTS = {{1f, 0f}, {0f, 2f}, {0.5f, -1f}};

    @Test
    void scoresEveryInstructionAgainstEveryCandidateInOneCall() {
        float[][] embeddings = {{1f, 0f, 0f}, {0f, 1f, 0f}, {0.2f, -0.4f, 1f}};
        float[][] capabilities = {{0.5f, 0.5f}, {1f, 0f}, {0f, 1f}, {0.25f, 0.75f}};
        try (ScorerHead head = ScorerHead.fromBytes(TestHeads.bilinear(WEIGHTS), CPU, "test")) {
            float[][] p = head.score(embeddings, capabilities);

            assertThat(p).hasNumberOfRows(3);
            for (int b = 0; b < 3; b++) {
                assertThat(p[b]).hasSize(4);
                for (int m = 0; m < 4; m++) {
                    assertThat((double) p[b][m])
                            .as("p[%d][%d]", b, m)
                            .isCloseTo(expected(embeddings[b], capabilities[m]), within(1e-6));
                }
            }
        }
    }

    @Test
    void knownValues() {
        try (ScorerHead head = ScorerHead.fromBytes(TestHeads.bilinear(WEIGHTS), CPU, "test")) {
            // e=(0,1,0): e.W = (0,2); c=(0,1): logit 2 -> sigmoid 0.880797...
            float[][] p = head.score(new float[][] {{0f, 1f, 0f}}, new float[][] {{0f, 1f}, {1f, 0f}});
            assertThat((double) p[0][0]).isCloseTo(0.8807970779778823, within(1e-6));
            assertThat((double) p[0][1]).isCloseTo(0.5, within(1e-7));
        }
    }

    @Test
    void reportsItsInputWidthsAndAStableVersion() {
        byte[] model = TestHeads.bilinear(WEIGHTS);
        try (ScorerHead head = ScorerHead.fromBytes(model, CPU, "test");
                ScorerHead same = ScorerHead.fromBytes(model, CPU, "again");
                ScorerHead other = ScorerHead.fromBytes(
                        TestHeads.bilinear(new float[][] {{2f, 0f}, {0f, 2f}, {0f, 0f}}), CPU, "other")) {
            assertThat(head.embeddingDimension()).isEqualTo(3);
            assertThat(head.capabilityDimension()).isEqualTo(2);
            assertThat(head.version()).matches("scorer-head@[0-9a-f]{12}").isEqualTo(same.version());
            assertThat(other.version()).isNotEqualTo(head.version());
        }
    }

    @Test
    void emptyBatchOrEmptyZooGivesEmptyRowsWithoutInference() {
        try (ScorerHead head = ScorerHead.fromBytes(TestHeads.bilinear(WEIGHTS), CPU, "test")) {
            assertThat(head.score(new float[0][], new float[][] {{1f, 0f}})).isEmpty();
            float[][] noModels = head.score(new float[][] {{1f, 0f, 0f}, {0f, 1f, 0f}}, new float[0][]);
            assertThat(noModels).hasNumberOfRows(2);
            assertThat(noModels[0]).isEmpty();
        }
    }

    @Test
    void rejectsRowsOfTheWrongWidth() {
        try (ScorerHead head = ScorerHead.fromBytes(TestHeads.bilinear(WEIGHTS), CPU, "test")) {
            assertThatThrownBy(() -> head.score(new float[][] {{1f, 0f}}, new float[][] {{1f, 0f}}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("embedding 0 has 2 values, the scorer expects 3");
            assertThatThrownBy(() -> head.score(new float[][] {{1f, 0f, 0f}}, new float[][] {{1f, 0f, 0.5f}}))
                    .hasMessageContaining("capability vector 0 has 3 values, the scorer expects 2");
        }
    }

    @Test
    void aGraphWithoutTheScorerInterfaceIsAStartupError() {
        assertThatThrownBy(() -> ScorerHead.fromBytes(TestHeads.wrongInputNames(), CPU, "wrong.onnx"))
                .isInstanceOf(InferenceStartupException.class)
                .hasMessageContaining("wrong.onnx")
                .hasMessageContaining("expected inputs embedding, capabilities and output probability");
    }

    @Test
    void garbageBytesAreAStartupError() {
        assertThatThrownBy(() -> ScorerHead.fromBytes(new byte[] {1, 2, 3}, CPU, "garbage.onnx"))
                .isInstanceOf(InferenceStartupException.class)
                .hasMessageContaining("cannot load scorer model garbage.onnx");
    }

    private static double expected(float[] e, float[] c) {
        double logit = 0;
        for (int k = 0; k < c.length; k++) {
            double projected = 0;
            for (int d = 0; d < e.length; d++) {
                projected += e[d] * WEIGHTS[d][k];
            }
            logit += projected * c[k];
        }
        return 1 / (1 + Math.exp(-logit));
    }
}
