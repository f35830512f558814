package org.aptituderouter.trainer.data;

import java.util.Arrays;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.aptituderouter.core.aptitude.AptitudeTask;
import org.aptituderouter.core.aptitude.AptitudeTest;

/** Which question rows may be used for routing, and seeded splits of them. */
public final class QuestionSplits {

    /** Two disjoint sets of rows. */
    public record Split(int[] first, int[] second) {}

    private QuestionSplits() {}

    /**
     * Rows available to train and evaluate routing: every question except the aptitude test's, which only ever
     * describe models.
     */
    public static int[] routingRows(RoutingDataset data, AptitudeTest test) {
        Set<String> aptitude = new java.util.HashSet<>();
        for (AptitudeTask task : test.tasks()) {
            aptitude.addAll(task.questionIds());
        }
        return IntStream.range(0, data.size())
                .filter(row -> !aptitude.contains(data.question(row).id()))
                .toArray();
    }

    /** A seeded shuffle of rows cut so that {@code firstFraction} of them land in the first part. */
    public static Split split(int[] rows, double firstFraction, long seed) {
        int[] shuffled = shuffled(rows, seed);
        int cut = (int) Math.round(rows.length * firstFraction);
        return new Split(
                sorted(Arrays.copyOfRange(shuffled, 0, cut)), sorted(Arrays.copyOfRange(shuffled, cut, rows.length)));
    }

    /** A seeded partition of rows into {@code folds} parts of near-equal size. */
    public static int[][] folds(int[] rows, int folds, long seed) {
        int[] shuffled = shuffled(rows, seed);
        int[][] parts = new int[folds][];
        for (int f = 0; f < folds; f++) {
            int fold = f;
            parts[f] = sorted(IntStream.range(0, shuffled.length)
                    .filter(i -> i % folds == fold)
                    .map(i -> shuffled[i])
                    .toArray());
        }
        return parts;
    }

    /** Every row of the folds except fold {@code except}, sorted. */
    public static int[] allBut(int[][] folds, int except) {
        return IntStream.range(0, folds.length)
                .filter(f -> f != except)
                .flatMap(f -> Arrays.stream(folds[f]))
                .sorted()
                .toArray();
    }

    /** The rows in a seeded random order, the same whatever order they come in (they are sorted first). */
    public static int[] shuffled(int[] rows, long seed) {
        int[] copy = sorted(rows.clone());
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = copy.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = copy[i];
            copy[i] = copy[j];
            copy[j] = swap;
        }
        return copy;
    }

    private static int[] sorted(int[] rows) {
        Arrays.sort(rows);
        return rows;
    }
}
