package org.aptituderouter.core.aptitude;

import java.util.Arrays;

/**
 * What a model's graded outcomes teach the router beyond its task counts: a linear correction, per model, of the
 * scorer's logit, {@code logit(p) + w . [embedding, 1, clip(logit(p))]}, learned one outcome at a time: the embedding
 * weights say where the scorer is wrong about the model, the last one how far its confidence should be trusted (a
 * per-model slope, as Platt scaling fits one; its feature clipped to +-4 so that a saturated probability cannot swing
 * it). Task counts say "this model is weak at this kind of question"; the correction says it at the resolution of
 * the embedding, which is what a router with every label of the model (a per-model logistic regression) gets right
 * and task counts miss.
 *
 * <p>The update is Bayesian online logistic regression with a diagonal Gaussian over the weights: an extended Kalman
 * filter step (the Laplace approximation of one logistic observation) from the current covariance, of which only the
 * diagonal is kept. Each weight starts at 0 with variance {@code priorVariance}, so that a few outcomes move the
 * scorer a little and many move it more, and a weight's variance shrinks as the outcomes that touch it accumulate. It does not forget: a model that
 * changes behind the same id keeps what its earlier outcomes taught until the correction starts over (another router
 * version or aptitude test). Written by hand: it is a dozen lines, and no online-learning library is reachable here.
 * Immutable.
 *
 * @param mean     the weights' means: the embedding's dimensions, the bias, then the slope on the scorer's logit
 * @param variance the weights' variances, same order
 * @param outcomes graded outcomes learned from
 */
public record OutcomeCorrection(double[] mean, double[] variance, long outcomes) {

    public OutcomeCorrection {
        if (mean == null || variance == null || mean.length != variance.length || mean.length < 3) {
            throw new IllegalArgumentException(
                    "a correction needs a mean and a variance per weight, bias and slope included");
        }
        for (double v : variance) {
            if (!(v > 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("a weight's variance must be positive and finite, was " + v);
            }
        }
        for (double m : mean) {
            if (!Double.isFinite(m)) {
                throw new IllegalArgumentException("a weight's mean must be finite, was " + m);
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
     * small zoo but cost MMLU-Pro's middle zoo up to three quarters of a point after 1,000 outcomes; 0.03 costs that
     * zoo less than half a point there and gains on every small zoo (chosen before the slope weight was added, which
     * kept it). Chosen on the same folds it is reported on.
     */
    public static final double PRIOR_VARIANCE = 0.03;

    /** No outcome yet, with the router's prior. */
    public static OutcomeCorrection prior(int dimension) {
        return prior(dimension, PRIOR_VARIANCE);
    }

    /** No outcome yet: every weight 0, each with the prior variance (logits squared). */
    public static OutcomeCorrection prior(int dimension, double priorVariance) {
        double[] variance = new double[dimension + 2];
        Arrays.fill(variance, priorVariance);
        return new OutcomeCorrection(new double[dimension + 2], variance, 0);
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
        return mean.length - 2;
    }

    /** What the correction adds to the scorer's logit for this embedding and probability. */
    public double shift(float[] embedding, float probability) {
        check(embedding);
        int d = embedding.length;
        double sum = mean[d] + mean[d + 1] * slopeFeature(probability);
        for (int j = 0; j < d; j++) {
            sum += mean[j] * embedding[j];
        }
        return sum;
    }

    /** The scorer's probability, corrected; unchanged while no outcome has been learned. */
    public float corrected(float probability, float[] embedding) {
        if (outcomes == 0) {
            return probability;
        }
        return (float) sigmoid(logit(probability) + shift(embedding, probability));
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
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability must be within [0, 1], was " + probability);
        }
        for (float x : embedding) {
            if (!Float.isFinite(x)) {
                throw new IllegalArgumentException("the embedding holds a non-finite value: " + x);
            }
        }
        double p = sigmoid(logit(probability) + shift(embedding, probability));
        double slope = slopeFeature(probability);
        double curvature = p * (1 - p);
        // x' S x, S the weights' (diagonal) covariance: how uncertain the logit of this instruction is
        double spread = variance[embedding.length] + variance[embedding.length + 1] * slope * slope;
        for (int d = 0; d < embedding.length; d++) {
            double x = embedding[d];
            spread += x * x * variance[d];
        }
        // the Kalman step from covariance S: mean + S x (y - p) / (1 + c x'S x), covariance
        // S - S x x'S c / (1 + c x'S x); only the diagonal of the new covariance is kept
        double scale = 1 / (1 + curvature * spread);
        double[] m = mean.clone();
        double[] v = variance.clone();
        for (int j = 0; j < m.length; j++) {
            double x = j < embedding.length ? embedding[j] : j == embedding.length ? 1 : slope;
            m[j] = mean[j] + variance[j] * x * (score - p) * scale;
            v[j] = variance[j] - variance[j] * variance[j] * x * x * curvature * scale;
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
        // clamped so that a scorer's 0 or 1 stays finite; 1e-7 is below a float's resolution near 1
        double q = Math.max(1e-7, Math.min(1 - 1e-7, p));
        return Math.log(q / (1 - q));
    }

    /** The slope's feature: the scorer's logit, clipped to +-4 (probabilities 0.018 to 0.982). */
    static double slopeFeature(float probability) {
        return Math.max(-4, Math.min(4, logit(probability)));
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
