package org.aptituderouter.trainer.distill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PcaTest {

    @Test
    void findsTheDirectionsOfLargestVarianceInOrder() {
        // points spread 3x along (1,1,0)/sqrt2, 1x along (1,-1,0)/sqrt2, hardly along z, around (5, -2, 1)
        Random random = new Random(7);
        float[][] rows = new float[4000][];
        double s = Math.sqrt(0.5);
        for (int i = 0; i < rows.length; i++) {
            double a = random.nextGaussian() * 3;
            double b = random.nextGaussian();
            double c = random.nextGaussian() * 0.1;
            rows[i] = new float[] {(float) (5 + s * a + s * b), (float) (-2 + s * a - s * b), (float) (1 + c)};
        }

        Pca pca = Pca.fit(rows, 2);

        assertThat(pca.variances()[0]).isCloseTo(9, within(0.6));
        assertThat(pca.variances()[1]).isCloseTo(1, within(0.1));
        float[] centre = pca.project(new float[] {5, -2, 1});
        float[] along = pca.project(new float[] {(float) (5 + s), (float) (-2 + s), 1});
        assertThat(Math.abs(along[0] - centre[0]))
                .as("one unit along the first direction")
                .isCloseTo(1f, within(0.01f));
        assertThat(along[1] - centre[1]).isCloseTo(0f, within(0.01f));
        assertThat(centre[0]).as("centred on the sample mean").isCloseTo(0f, within(0.2f));
    }

    @Test
    void sifWeightsGrowWithRankAndStayBelowOne() {
        double[] weights = StaticDistillation.sifWeights(30522);
        assertThat(weights[0]).isLessThan(0.01);
        assertThat(weights[30521]).isBetween(0.9, 1.0);
        for (int i = 1; i < weights.length; i++) {
            assertThat(weights[i]).isGreaterThan(weights[i - 1]);
        }
    }
}
