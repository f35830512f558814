package org.aptituderouter.trainer.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CalibrationTest {

    @Test
    void perfectlyCalibratedPredictionsHaveNoError() {
        Calibration.Builder builder = new Calibration.Builder();
        // 0.25 predicted 4 times, right once; 0.75 predicted 4 times, right 3 times
        for (int i = 0; i < 4; i++) {
            builder.add(0.25, i == 0 ? 1 : 0);
            builder.add(0.75, i == 0 ? 0 : 1);
        }
        Calibration calibration = builder.build();
        assertThat(calibration.expectedError()).isCloseTo(0.0, within(1e-12));
        assertThat(calibration.pairs()).isEqualTo(8);
        assertThat(calibration.bins()).extracting(Calibration.Bin::count).containsExactly(4L, 4L);
    }

    @Test
    void theErrorIsTheCountWeightedGapPerBin() {
        Calibration.Builder builder = new Calibration.Builder();
        for (int i = 0; i < 3; i++) {
            builder.add(0.9, 0);
        }
        builder.add(0.1, 1);
        for (int i = 0; i < 4; i++) {
            builder.add(0.5, i % 2);
        }
        builder.add(1.0, 1); // p = 1 lands in the top bin, not past it
        Calibration calibration = builder.build();
        // bins: 0.1 (1 pair, gap 0.9), 0.5 (4 pairs, gap 0), top (the three 0.9 and the 1.0: mean predicted 0.925,
        // observed 0.25); the error is their count-weighted mean gap over the 9 pairs
        double expected = (1 * 0.9 + 4 * 0 + 4 * Math.abs(0.925 - 0.25)) / 9;
        assertThat(calibration.expectedError()).isCloseTo(expected, within(1e-12));
        assertThat(calibration.bins()).hasSize(3);
    }
}
