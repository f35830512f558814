package org.aptituderouter.trainer.eval;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.PriorityQueue;
import org.aptituderouter.trainer.data.OutcomeTable;

/**
 * kNN routing: the model most often right on the k training questions whose embeddings are closest (cosine) to the
 * instruction's. Needs every candidate's results on the training questions, which Model-SAT does not.
 */
public final class NearestNeighbours implements RoutingMethod {

    private final OutcomeTable outcomes;
    private final float[][] embeddings;
    private final int k;
    /** Neighbours depend on the fold only, not the zoo: computed once per fold. */
    private final Map<QuestionFold, int[][]> neighbours = new IdentityHashMap<>();

    public NearestNeighbours(OutcomeTable outcomes, float[][] embeddings, int k) {
        this.outcomes = outcomes;
        this.embeddings = embeddings;
        this.k = k;
    }

    @Override
    public String name() {
        return "kNN (k=" + k + ", labels)";
    }

    @Override
    public int[] choose(Zoo zoo, QuestionFold fold) {
        int[][] nearest = neighbours.computeIfAbsent(fold, this::nearest);
        int fallback = ZooAccuracy.argmax(ZooAccuracy.of(outcomes, zoo, fold.trainRows()));
        double[] overall = ZooAccuracy.of(outcomes, zoo, fold.trainRows());
        int[] choices = new int[fold.evalRows().length];
        for (int i = 0; i < choices.length; i++) {
            double[] local = ZooAccuracy.of(outcomes, zoo, nearest[i]);
            // ties among neighbours go to the better model overall, then to the fallback order
            for (int m = 0; m < local.length; m++) {
                local[m] += overall[m] * 1e-6;
            }
            choices[i] = nearest[i].length == 0 ? fallback : ZooAccuracy.argmax(local);
        }
        return choices;
    }

    /** Embeddings are unit length, so the dot product is the cosine. */
    private int[][] nearest(QuestionFold fold) {
        int[] train = fold.trainRows();
        int[][] result = new int[fold.evalRows().length][];
        for (int i = 0; i < result.length; i++) {
            float[] query = embeddings[fold.evalRows()[i]];
            PriorityQueue<double[]> top = new PriorityQueue<>((a, b) -> Double.compare(a[0], b[0]));
            for (int row : train) {
                float[] other = embeddings[row];
                double dot = 0;
                for (int d = 0; d < query.length; d++) {
                    dot += query[d] * other[d];
                }
                if (top.size() < k) {
                    top.add(new double[] {dot, row});
                } else if (dot > top.peek()[0]) {
                    top.poll();
                    top.add(new double[] {dot, row});
                }
            }
            result[i] = top.stream().mapToInt(entry -> (int) entry[1]).toArray();
        }
        return result;
    }
}
