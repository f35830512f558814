package org.aptituderouter.trainer.aptitude;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Spherical k-means over L2-normalised instruction embeddings, seeded k-means++ initialisation: the aptitude
 * tasks of a data set without labels are its clusters of instructions. Deterministic for a seed. Written by hand
 * (about sixty lines) because none of the clustering libraries is reachable from the Maven mirror this project
 * builds against.
 */
public final class TaskClustering {

    private static final int MAX_ITERATIONS = 100;

    private TaskClustering() {}

    /** Unit-length centroids, [k][dimension]; every cluster keeps at least one point. */
    public static float[][] centroids(float[][] points, int k, long seed) {
        if (k < 1 || k > points.length) {
            throw new IllegalArgumentException("cannot make " + k + " clusters of " + points.length + " instructions");
        }
        float[][] centroids = initial(points, k, new SplittableRandom(seed));
        int[] assignment = new int[points.length];
        Arrays.fill(assignment, -1);
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            boolean changed = false;
            for (int i = 0; i < points.length; i++) {
                int nearest = nearest(points[i], centroids);
                changed |= nearest != assignment[i];
                assignment[i] = nearest;
            }
            if (!changed) {
                break;
            }
            centroids = means(points, assignment, centroids);
        }
        return centroids;
    }

    /** Index of the centroid with the highest cosine similarity (first on ties). */
    public static int nearest(float[] point, float[][] centroids) {
        int best = 0;
        double bestSimilarity = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < centroids.length; c++) {
            double similarity = dot(point, centroids[c]);
            if (similarity > bestSimilarity) {
                bestSimilarity = similarity;
                best = c;
            }
        }
        return best;
    }

    private static float[][] initial(float[][] points, int k, SplittableRandom random) {
        float[][] centroids = new float[k][];
        centroids[0] = points[random.nextInt(points.length)].clone();
        double[] distance = new double[points.length];
        Arrays.fill(distance, Double.POSITIVE_INFINITY);
        for (int c = 1; c < k; c++) {
            double total = 0;
            for (int i = 0; i < points.length; i++) {
                distance[i] = Math.min(distance[i], Math.max(0, 2 - 2 * dot(points[i], centroids[c - 1])));
                total += distance[i];
            }
            double target = random.nextDouble() * total;
            int chosen = points.length - 1;
            for (int i = 0; i < points.length; i++) {
                target -= distance[i];
                if (target < 0) {
                    chosen = i;
                    break;
                }
            }
            centroids[c] = points[chosen].clone();
        }
        return centroids;
    }

    private static float[][] means(float[][] points, int[] assignment, float[][] previous) {
        int dimension = points[0].length;
        double[][] sums = new double[previous.length][dimension];
        for (int i = 0; i < points.length; i++) {
            for (int d = 0; d < dimension; d++) {
                sums[assignment[i]][d] += points[i][d];
            }
        }
        float[][] next = new float[previous.length][];
        for (int c = 0; c < next.length; c++) {
            double norm = Math.sqrt(Arrays.stream(sums[c]).map(v -> v * v).sum());
            if (norm == 0) {
                next[c] = previous[c]; // an emptied cluster keeps its place rather than vanish
                continue;
            }
            next[c] = new float[dimension];
            for (int d = 0; d < dimension; d++) {
                next[c][d] = (float) (sums[c][d] / norm);
            }
        }
        return next;
    }

    static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
