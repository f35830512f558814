package org.aptituderouter.core.aptitude;

import java.util.Arrays;

/**
 * What is known of a model, task by task: how many questions of each task it answered and how many of those
 * correctly. The aptitude test is a new model's first evidence; every further graded answer adds to it. The
 * capability vector the scorer reads is derived from it by {@link #scores}.
 */
public record TaskEvidence(int[] answered, int[] correct) {

    public TaskEvidence {
        if (answered == null || correct == null || answered.length != correct.length) {
            throw new IllegalArgumentException("evidence needs answered and correct counts for the same tasks");
        }
        for (int k = 0; k < answered.length; k++) {
            if (answered[k] < 0 || correct[k] < 0 || correct[k] > answered[k]) {
                throw new IllegalArgumentException("task " + k + " has " + correct[k] + " correct of " + answered[k]
                        + " answered; expected 0 <= correct <= answered");
            }
        }
        answered = answered.clone();
        correct = correct.clone();
    }

    @Override
    public int[] answered() {
        return answered.clone();
    }

    @Override
    public int[] correct() {
        return correct.clone();
    }

    public int tasks() {
        return answered.length;
    }

    /** Questions answered over all tasks. */
    public long total() {
        return Arrays.stream(answered).asLongStream().sum();
    }

    /** Share correct over every answered question; 0.5 when nothing was answered (no evidence either way). */
    public double overall() {
        long answeredAll = total();
        return answeredAll == 0
                ? 0.5
                : (double) Arrays.stream(correct).asLongStream().sum() / answeredAll;
    }

    /**
     * Accuracy per task, shrunk toward the model's overall level in proportion to the evidence:
     * {@code (correct + k * overall) / (answered + k)}. A task with few answers stays near the overall level (20
     * items have a binomial SD of about 0.1, too little to move a decision); a task with thousands of answers keeps
     * its own rate. {@code priorItems = 0} gives the raw rate (the overall level for a task never answered).
     */
    public float[] scores(double priorItems) {
        return scores(priorItems, new double[answered.length]);
    }

    /**
     * As {@link #scores(double)}, each task shrunk toward the overall level moved by the task's offset:
     * {@code sigmoid(logit(overall) + offset)}. A hard task pulls a sparse estimate down, an easy one up, as they do
     * for every model; without offsets a newcomer would read high on hard tasks and low on easy ones.
     *
     * @param offsets per task, in logits
     */
    public float[] scores(double priorItems, double[] offsets) {
        if (offsets.length != answered.length) {
            throw new IllegalArgumentException(offsets.length + " offsets for " + answered.length + " tasks");
        }
        // clamped so that a model right (or wrong) on everything still has a finite logit
        double level = Math.max(1e-3, Math.min(1 - 1e-3, overall()));
        double logit = Math.log(level / (1 - level));
        float[] scores = new float[answered.length];
        for (int k = 0; k < scores.length; k++) {
            double prior = 1 / (1 + Math.exp(-(logit + offsets[k])));
            double denominator = answered[k] + priorItems;
            scores[k] = denominator == 0 ? (float) prior : (float) ((correct[k] + priorItems * prior) / denominator);
        }
        return scores;
    }

    /** This evidence plus another's, task by task. */
    public TaskEvidence plus(TaskEvidence more) {
        if (more.tasks() != tasks()) {
            throw new IllegalArgumentException("evidence for " + more.tasks() + " tasks added to " + tasks());
        }
        int[] a = answered.clone();
        int[] c = correct.clone();
        for (int k = 0; k < a.length; k++) {
            a[k] += more.answered[k];
            c[k] += more.correct[k];
        }
        return new TaskEvidence(a, c);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TaskEvidence e && Arrays.equals(answered, e.answered) && Arrays.equals(correct, e.correct);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(answered) + Arrays.hashCode(correct);
    }

    @Override
    public String toString() {
        return "TaskEvidence[answered=" + Arrays.toString(answered) + ", correct=" + Arrays.toString(correct) + "]";
    }
}
