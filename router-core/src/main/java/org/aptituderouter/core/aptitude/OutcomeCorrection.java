package org.aptituderouter.core.aptitude;

import java.util.Arrays;

/**
 * What a model's graded outcomes teach the router beyond its task counts: a linear correction, per model, of the
 * scorer's logit, {@code logit(p) + w . [embedding, 1]}, learned one outcome at a time. Task counts say "this model
 * is weak at this kind of question"; the correction says it at the resolution of the embedding, which is what a
 * router with every label of the model (a per-model logistic regression) gets right and task counts miss.
 *
 * <p>The update is Bayesian online logistic regression with a diagonal Gaussian over the weights (an extended
 * Kalman filter step: Spiegelhalter and Lauritzen 1990; Chapelle and Li 2011 use its diagonal form): each weight
 * starts at 0 with variance {@code priorVariance}, so that a few outcomes move the scorer a little and many move it
 * more, and a weight's variance shrinks as the outcomes that touch it accumulate. Written by hand: it is a dozen lines,
 * and no online-learning library is reachable here. Immutable.
 *
 * @param mean     the weights' means, the embedding's dimensions then the bias
 * @param variance the weights' variances, same order
 * @param outcomes graded outcomes learned from
 */
public record OutcomeCorrection(double[] mean, double[] variance, long outcomes) {

    public OutcomeCorrection {
        if (mean == null || variance == null || mean.length != variance.length || mean.length < 2) {
            throw new IllegalArgumentException("a correction needs a mean and a variance per weight, bias included");
        }
        for (double v : variance) {
            if (!(v > 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("a weight's variance must be positive and finite, was " + v);
            }
        }
        if (outcomes < 0) {
            throw new IllegalArgumentException("outcomes must be at least 0, was " + outcomes);
        }
        mean = mean.clone();
        variance = variance.clone();
    }

    /**
     * The router's prior variance per weight, in logits squared. Chosen on both shared data sets with leave-models-out
     * cross-validation (`bin/router evaluate --online`) among 0.03, 0.1 and 0.3: 0.1 and 0.3 gain more on nim-mixed's
     * small zoo but cost MMLU-Pro's middle zoo up to three quarters of a point after 1,000 outcomes; 0.03 helps on
     * both or costs little.
     */
    public static final double PRIOR_VARIANCE = 0.03;

    /** No outcome yet, with the router's prior. */
    public static OutcomeCorrection prior(int dimension) {
        return prior(dimension, PRIOR_VARIANCE);
    }

    /** No outcome yet: every weight 0, each with the prior variance (logits squared). */
    public static OutcomeCorrection prior(int dimension, double priorVariance) {
        double[] variance = new double[dimension + 1];
        Arrays.fill(variance, priorVariance);
        return new OutcomeCorrection(new double[dimension + 1], variance, 0);
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] variance() {
        return variance.clone();
    }

    /** The embedding dimension this correction reads. */
    public int dimension() {
        return mean.length - 1;
    }

    /** What the correction adds to the scorer's logit for this embedding. */
    public double shift(float[] embedding) {
        check(embedding);
        double sum = mean[embedding.length];
        for (int d = 0; d < embedding.length; d++) {
            sum += mean[d] * embedding[d];
        }
        return sum;
    }

    /** The scorer's probability, corrected. */
    public float corrected(float probability, float[] embedding) {
        return (float) sigmoid(logit(probability) + shift(embedding));
    }

    /**
     * This correction after one more graded outcome.
     *
     * @param embedding   the instruction's embedding
     * @param probability the scorer's probability for this model on the instruction, before correction
     * @param score       the grade, 0 (wrong) to 1 (right)
     */
    public OutcomeCorrection after(float[] embedding, float probability, double score) {
        check(embedding);
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("score must be within [0, 1], was " + score);
        }
        double p = sigmoid(logit(probability) + shift(embedding));
        double curvature = p * (1 - p);
        double spread = variance[embedding.length];
        for (int d = 0; d < embedding.length; d++) {
            spread += embedding[d] * embedding[d] * variance[d];
        }
        double gain = curvature / (1 + curvature * spread);
        double[] m = mean.clone();
        double[] v = variance.clone();
        for (int j = 0; j < m.length; j++) {
            double x = j < embedding.length ? embedding[j] : 1;
            v[j] = variance[j] - variance[j] * variance[j] * x * x * gain;
            m[j] = mean[j] + v[j] * x * (score - p);
        }
        return new OutcomeCorrection(m, v, outcomes + 1);
    }

    private void check(float[] embedding) {
        if (embedding.length != dimension()) {
            throw new IllegalArgumentException(
                    "an embedding of " + embedding.length + " dimensions for a correction of " + dimension());
        }
    }

    static double logit(double p) {
        double q = Math.max(1e-4, Math.min(1 - 1e-4, p));
        return Math.log(q / (1 - q));
    }

    static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OutcomeCorrection c
                && Arrays.equals(mean, c.mean)
                && Arrays.equals(variance, c.variance)
                && outcomes == c.outcomes;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(mean) + Arrays.hashCode(variance)) + Long.hashCode(outcomes);
    }

    @Override
    public String toString() {
        return "OutcomeCorrection[" + dimension() + " dimensions, " + outcomes + " outcomes]";
    }
}
