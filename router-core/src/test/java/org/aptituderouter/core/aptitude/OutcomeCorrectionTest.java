package org.aptituderouter.core.aptitude;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OutcomeCorrectionTest {

    private static final float[] MATHS = {1, 0, 0};
    private static final float[] LAW = {0, 1, 0};

    @Test
    void beforeAnyOutcomeTheScorerStandsAsItIs() {
        OutcomeCorrection none = OutcomeCorrection.prior(3);
        assertThat(none.outcomes()).isZero();
        assertThat(none.shift(MATHS, 0.7f)).isZero();
        assertThat(none.corrected(0.7f, LAW)).isCloseTo(0.7f, org.assertj.core.data.Offset.offset(1e-6f));
    }

    @Test
    void oneOutcomeIsOneKalmanStep() {
        // prior variance 0.5; features (1, 0), the bias 1 and the scorer's logit 0 (p = 0.5): curvature 0.25,
        // x'Sx = 1, scale 1 / 1.25
        OutcomeCorrection once = OutcomeCorrection.prior(2, 0.5).after(new float[] {1, 0}, 0.5f, 1);
        assertThat(once.mean())
                .containsExactly(new double[] {0.2, 0, 0.2, 0}, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(once.variance())
                .containsExactly(new double[] {0.45, 0.5, 0.45, 0.5}, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(once.shift(new float[] {1, 0}, 0.5f)).isCloseTo(0.4, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void aScorerTooSureOfTheModelLearnsAFlatterSlope() {
        // the model is right 70% of the time whatever the scorer says, from 0.55 to 0.95: the slope on the scorer's
        // logit turns negative, pulling confident probabilities down more than modest ones
        OutcomeCorrection correction = OutcomeCorrection.prior(3, 0.3);
        java.util.Random random = new java.util.Random(11);
        float[] any = {0, 0, 1};
        for (int i = 0; i < 3000; i++) {
            float p = 0.55f + 0.4f * random.nextFloat();
            correction = correction.after(any, p, random.nextDouble() < 0.7 ? 1 : 0);
        }
        assertThat(correction.mean()[4]).as("slope").isNegative();
        assertThat(correction.corrected(0.95f, any)).isBetween(0.6f, 0.85f);
        assertThat(correction.corrected(0.6f, any)).isBetween(0.6f, 0.8f);
    }

    @Test
    void scorerProbabilitiesOfZeroOrOneStayFinite() {
        OutcomeCorrection correction =
                OutcomeCorrection.prior(3).after(MATHS, 1f, 0).after(LAW, 0f, 1);
        assertThat(java.util.Arrays.stream(correction.mean()).allMatch(Double::isFinite))
                .isTrue();
        assertThat(correction.corrected(1f, MATHS)).isBetween(0.99f, 1f);
        assertThat(correction.corrected(0f, LAW)).isBetween(0f, 0.01f);
    }

    @Test
    void outcomesPullTheProbabilityTowardWhatTheModelDoesOnThatKindOfInstruction() {
        // the scorer says 0.6 everywhere; the model is in fact right on maths and wrong on law
        OutcomeCorrection correction = OutcomeCorrection.prior(3, 0.3);
        for (int i = 0; i < 200; i++) {
            correction = correction.after(MATHS, 0.6f, 1).after(LAW, 0.6f, 0);
        }
        assertThat(correction.outcomes()).isEqualTo(400);
        assertThat(correction.corrected(0.6f, MATHS)).isGreaterThan(0.75f);
        assertThat(correction.corrected(0.6f, LAW)).isLessThan(0.45f);
        // the dimension no outcome touched keeps its prior
        assertThat(correction.variance()[2]).isEqualTo(0.3);
        assertThat(correction.variance()[4]).as("the slope's").isLessThan(0.3);
        assertThat(correction.variance()[0]).isLessThan(0.3);
    }

    @Test
    void aFewOutcomesMoveItLessThanMany() {
        OutcomeCorrection few = OutcomeCorrection.prior(3);
        for (int i = 0; i < 5; i++) {
            few = few.after(LAW, 0.6f, 0);
        }
        OutcomeCorrection many = few;
        for (int i = 0; i < 500; i++) {
            many = many.after(LAW, 0.6f, 0);
        }
        assertThat(few.shift(LAW, 0.6f)).isNegative();
        assertThat(many.shift(LAW, 0.6f)).isLessThan(few.shift(LAW, 0.6f));
    }

    @Test
    void outcomesThatAgreeWithTheScorerLeaveItAboutWhereItWas() {
        OutcomeCorrection correction = OutcomeCorrection.prior(3);
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 2000; i++) {
            correction = correction.after(MATHS, 0.7f, random.nextDouble() < 0.7 ? 1 : 0);
        }
        assertThat(correction.outcomes()).isEqualTo(2000);
        assertThat(correction.variance()[0]).isLessThan(0.03 / 10);
        assertThat(correction.corrected(0.7f, MATHS)).isBetween(0.65f, 0.75f);
    }

    @Test
    void refusesWhatItCannotLearnFrom() {
        OutcomeCorrection correction = OutcomeCorrection.prior(3);
        assertThatThrownBy(() -> correction.after(new float[2], 0.5f, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 dimensions");
        assertThatThrownBy(() -> correction.after(MATHS, 0.5f, 1.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[0, 1]");
        assertThatThrownBy(() -> correction.after(new float[] {Float.NaN, 0, 0}, 0.5f, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("non-finite");
        assertThatThrownBy(() -> correction.after(MATHS, Float.NaN, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("probability");
        assertThatThrownBy(() -> new OutcomeCorrection(new double[4], new double[] {1, 1, 0, 1}, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive");
    }
}
