package org.aptituderouter.trainer.train;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.aptituderouter.core.aptitude.AptitudeTask;
import org.aptituderouter.core.aptitude.AptitudeTest;

/**
 * Sizes of the scorer head and the parameters they imply. The head reads a model's ability on the tasks the
 * instruction belongs to, and the instruction's own difficulty:
 * <pre>
 *   w        = softmax over tasks of (s * e . centroid_k)           where the instruction sits among the tasks
 *   ability  = logit(0.98 c + 0.01)                                 the model's task scores (evidence, shrunk)
 *   logit(p) = a * (w . ability) + (e . v + b)                      plus the instruction's easiness, a = softplus(.)
 * </pre>
 * A model enters only through its capability vector c, and p grows with every task score (a > 0 by construction):
 * a new model is placed by its aptitude evidence, never by identity. The easiness term moves every model alike,
 * so it never changes which model is best, but it is what lets the threshold and cost policies send easy
 * instructions to cheap models. Centroids are the aptitude test's and stay fixed in training; s, a, v, b are fit.
 */
public record HeadArchitecture(int embeddingDim, int taskCount) {

    public static final String CENTROIDS = "tasks.centroids";
    public static final String SHARPNESS = "tasks.sharpness";
    /** Before softplus: the scale a = softplus(this) is positive whatever training does. */
    public static final String ABILITY_SCALE = "ability.scale";

    public static final String EASINESS_W = "easiness.w";
    public static final String EASINESS_B = "easiness.b";
    /** Capabilities are moved to [0.01, 0.99] before the logit, so a task score of 0 or 1 stays finite. */
    public static final float SMOOTHING_SCALE = 0.98f;

    public static final float SMOOTHING_SHIFT = 0.01f;

    /** The head for an aptitude test whose tasks all carry centroids. */
    public static HeadArchitecture forTest(int embeddingDim, AptitudeTest test) {
        for (AptitudeTask task : test.tasks()) {
            if (task.centroid() == null || task.centroid().length != embeddingDim) {
                throw new IllegalArgumentException("aptitude test " + test.id() + ": task " + task.name() + " has no "
                        + embeddingDim + "-dimensional centroid; build the test with bin/router train");
            }
        }
        return new HeadArchitecture(embeddingDim, test.dimension());
    }

    /** Centroids laid out [D, K] (dimension-major), so that e x centroids needs no transpose. */
    public static float[] centroidMatrix(AptitudeTest test) {
        int k = test.dimension();
        float[] matrix = null;
        for (int t = 0; t < k; t++) {
            float[] centroid = test.tasks().get(t).centroid();
            if (matrix == null) {
                matrix = new float[centroid.length * k];
            }
            for (int d = 0; d < centroid.length; d++) {
                matrix[d * k + t] = centroid[d];
            }
        }
        return matrix;
    }

    /** Parameter name to shape, in a fixed order. */
    public Map<String, long[]> parameterShapes() {
        Map<String, long[]> shapes = new LinkedHashMap<>();
        shapes.put(CENTROIDS, new long[] {embeddingDim, taskCount});
        shapes.put(SHARPNESS, new long[] {1});
        shapes.put(ABILITY_SCALE, new long[] {1});
        shapes.put(EASINESS_W, new long[] {embeddingDim, 1});
        shapes.put(EASINESS_B, new long[] {1});
        return shapes;
    }

    /** Parameters training leaves as they are. */
    public Set<String> frozen() {
        return Set.of(CENTROIDS);
    }
}
