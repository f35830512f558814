package org.aptituderouter.trainer.eval;

import java.util.HashMap;
import java.util.Map;
import org.aptituderouter.trainer.data.OutcomeTable;

/**
 * Label-rich reference: per model, an L2-regularised logistic regression from the instruction embedding to that
 * model's correctness, fit on the fold's training questions with the model's own results; route to the highest
 * predicted probability. The ceiling a router with every candidate's full labels reaches from the same embedding.
 * Fit by full-batch gradient descent with Nesterov momentum (written by hand: no numerical library is reachable
 * here; a few hundred iterations converge on unit-length embeddings).
 */
public final class PerModelLogistic implements RoutingMethod {

    private static final int ITERATIONS = 300;
    private static final double STEP = 4;
    private static final double MOMENTUM = 0.9;
    private static final double L2 = 1e-3;

    private final OutcomeTable outcomes;
    private final float[][] embeddings;
    /** Fits depend on the fold and the model only, not the zoo. */
    private final Map<String, double[]> fits = new HashMap<>();

    public PerModelLogistic(OutcomeTable outcomes, float[][] embeddings) {
        this.outcomes = outcomes;
        this.embeddings = embeddings;
    }

    @Override
    public String name() {
        return Evaluation.PER_MODEL_LOGISTIC + " (labels)";
    }

    @Override
    public int[] choose(Zoo zoo, QuestionFold fold) {
        double[][] weights = new double[zoo.models().size()][];
        for (int m = 0; m < weights.length; m++) {
            String model = zoo.models().get(m);
            weights[m] = fits.computeIfAbsent(fold.index() + "/" + model, key -> fit(fold.trainRows(), model));
        }
        int[] choices = new int[fold.evalRows().length];
        for (int i = 0; i < choices.length; i++) {
            double[] logit = new double[weights.length];
            for (int m = 0; m < weights.length; m++) {
                logit[m] = linear(weights[m], embeddings[fold.evalRows()[i]]);
            }
            choices[i] = ZooAccuracy.argmax(logit);
        }
        return choices;
    }

    /** Weights then bias, last. */
    double[] fit(int[] rows, String model) {
        int column = outcomes.modelIndex(model);
        int dimension = embeddings[0].length;
        int[] answered = java.util.Arrays.stream(rows)
                .filter(row -> outcomes.outcome(row, column) != OutcomeTable.MISSING)
                .toArray();
        double[] w = new double[dimension + 1];
        double[] velocity = new double[dimension + 1];
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            double[] ahead = new double[w.length];
            for (int j = 0; j < w.length; j++) {
                ahead[j] = w[j] + MOMENTUM * velocity[j];
            }
            double[] gradient = new double[w.length];
            for (int row : answered) {
                float[] x = embeddings[row];
                double error = 1 / (1 + Math.exp(-linear(ahead, x))) - outcomes.outcome(row, column);
                for (int d = 0; d < dimension; d++) {
                    gradient[d] += error * x[d];
                }
                gradient[dimension] += error;
            }
            for (int j = 0; j < w.length; j++) {
                double g = gradient[j] / answered.length + (j < dimension ? L2 * ahead[j] : 0);
                velocity[j] = MOMENTUM * velocity[j] - STEP * g;
                w[j] += velocity[j];
            }
        }
        return w;
    }

    private static double linear(double[] w, float[] x) {
        double sum = w[x.length];
        for (int d = 0; d < x.length; d++) {
            sum += w[d] * x[d];
        }
        return sum;
    }
}
