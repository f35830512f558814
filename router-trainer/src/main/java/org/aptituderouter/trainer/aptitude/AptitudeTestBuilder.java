package org.aptituderouter.trainer.aptitude;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.aptituderouter.core.aptitude.AptitudeTask;
import org.aptituderouter.core.aptitude.AptitudeTest;
import org.aptituderouter.trainer.data.Fingerprint;
import org.aptituderouter.trainer.data.OutcomeTable;
import org.aptituderouter.trainer.data.RoutingDataset;

/**
 * Builds an aptitude test for any data set in the shared layout. Deterministic: the same data, embeddings and
 * settings always give the same test.
 *
 * <p>Tasks are clusters of the instruction embeddings ({@link TaskClustering}), so a data set needs no labels and
 * a live instruction is placed by its nearest centroid. Each task gets a share of the question budget in
 * proportion to its share of the data (with a floor, so no task is left with a handful), and its questions are
 * spread evenly over the difficulty range (difficulty = mean correctness over the data set's models): a model's
 * score on the test then reads its level on the routing distribution, not on the mid-difficulty items that
 * half the models get right, which read about ten points high. Questions every model answered are preferred (in a
 * sparse table, the most answered ones fill up), and at most half of any task's questions are asked, so every task
 * keeps questions to route. Each task also records its
 * offset: how much harder or easier than a model's overall level it is, which sparse estimates are shrunk toward.
 */
public final class AptitudeTestBuilder {

    /**
     * @param tasks      number of tasks (clusters); fewer, larger tasks measure each more precisely
     * @param questions  question budget of the whole test (a new model answers this many to join)
     * @param maxShare   at most this share of the data set goes into the test
     * @param priorItems shrinkage of each task estimate toward the model's overall level, in questions
     */
    public record Settings(int tasks, int questions, double maxShare, double priorItems, long seed) {

        public Settings {
            if (tasks < 1 || questions < tasks || !(maxShare > 0 && maxShare < 1) || !(priorItems >= 0)) {
                throw new IllegalArgumentException("aptitude test settings out of range: " + tasks + " tasks, "
                        + questions + " questions, share " + maxShare + ", prior " + priorItems);
            }
        }

        /**
         * 16 tasks, 1,000 questions (at most a fifth of the data), shrinkage 20 questions: chosen by leave-models-out
         * cross-validation on both shared data sets (50 shrank the known models' real differences away on nim-mixed;
         * 10 let aptitude noise through on MMLU-Pro's middle zoo).
         */
        public static Settings defaults(long seed) {
            return new Settings(16, 1000, 0.2, 20, seed);
        }
    }

    private final Settings settings;

    public AptitudeTestBuilder(Settings settings) {
        this.settings = settings;
    }

    /**
     * @param baseId     the test id without its fingerprint, e.g. {@code mmlu-pro-apt-v2}
     * @param embeddings one per data-set row
     * @return a test whose id is {@code baseId-<fingerprint of its contents>}: capability records computed against
     *     one build (questions, clusters, offsets, shrinkage) are refused by a router using another
     */
    public AptitudeTest build(String baseId, RoutingDataset data, float[][] embeddings) {
        float[][] centroids = TaskClustering.centroids(embeddings, settings.tasks(), settings.seed());
        List<List<Integer>> members = new ArrayList<>();
        for (int k = 0; k < centroids.length; k++) {
            members.add(new ArrayList<>());
        }
        for (int row = 0; row < data.size(); row++) {
            members.get(TaskClustering.nearest(embeddings[row], centroids)).add(row);
        }
        int budget = (int) Math.min(settings.questions(), Math.floor(settings.maxShare() * data.size()));
        int floor = Math.max(1, budget / (2 * centroids.length));
        double[] difficulty = meanCorrectness(data.outcomes());
        List<AptitudeTask> tasks = new ArrayList<>();
        for (int k = 0; k < centroids.length; k++) {
            List<Integer> rows = members.get(k);
            int wanted = Math.max(floor, (int) Math.round(budget * (double) rows.size() / data.size()));
            List<Integer> usable = usable(data.outcomes(), rows, Math.min(wanted, rows.size() / 2)).stream()
                    .sorted(Comparator.<Integer>comparingDouble(row -> difficulty[row])
                            .thenComparing(row -> data.question(row).id()))
                    .toList();
            int count = Math.min(wanted, Math.min(usable.size(), rows.size() / 2));
            if (count == 0) {
                continue; // a task nobody can be tested on cannot be measured; its instructions fall to the nearest
                // task
            }
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                // evenly spaced quantiles of difficulty, easiest to hardest
                int position =
                        count == 1 ? usable.size() / 2 : (int) Math.round(i * (usable.size() - 1.0) / (count - 1));
                ids.add(data.question(usable.get(position)).id());
            }
            double weight = (double) rows.size() / data.size();
            tasks.add(new AptitudeTask(
                    name(tasks.size() + 1, rows, data), ids, weight, centroids[k], offset(data.outcomes(), rows)));
        }
        AptitudeTest draft = new AptitudeTest(baseId, tasks, settings.priorItems());
        return new AptitudeTest(baseId + "-" + contentFingerprint(draft), tasks, settings.priorItems());
    }

    /** Eight hex digits over everything that gives a capability vector its meaning. */
    static String contentFingerprint(AptitudeTest test) {
        List<String> parts = new ArrayList<>();
        parts.add(Double.toString(test.priorItems()));
        for (AptitudeTask task : test.tasks()) {
            parts.add(task.name());
            parts.addAll(task.questionIds());
            parts.add(String.valueOf(task.weight()));
            parts.add(String.valueOf(task.offset()));
            parts.add(java.util.Arrays.toString(task.centroid()));
        }
        return Fingerprint.ofStrings(parts).substring(0, 8);
    }

    /**
     * How much harder (negative) or easier the task's questions are than each model's overall level, in logits,
     * averaged over the data set's models: the shared difficulty a sparse estimate is shrunk toward.
     */
    static double offset(OutcomeTable outcomes, List<Integer> rows) {
        double sum = 0;
        int counted = 0;
        for (int m = 0; m < outcomes.modelIds().size(); m++) {
            int taskRight = 0;
            int taskAnswered = 0;
            int right = 0;
            int answered = 0;
            for (int row = 0; row < outcomes.questionIds().size(); row++) {
                byte outcome = outcomes.outcome(row, m);
                if (outcome != OutcomeTable.MISSING) {
                    right += outcome;
                    answered++;
                }
            }
            for (int row : rows) {
                byte outcome = outcomes.outcome(row, m);
                if (outcome != OutcomeTable.MISSING) {
                    taskRight += outcome;
                    taskAnswered++;
                }
            }
            if (taskAnswered == 0) {
                continue; // a model that answered nothing here says nothing about the task's difficulty
            }
            sum += logit((taskRight + 0.5) / (taskAnswered + 1)) - logit((right + 0.5) / (answered + 1));
            counted++;
        }
        return counted == 0 ? 0 : sum / counted;
    }

    private static double logit(double p) {
        return Math.log(p / (1 - p));
    }

    /**
     * The rows a task may ask: those every model answered; where there are too few (sparse outcome tables), also the
     * rows answered by the most models, so that every task can be measured. A model's missing answers then count as
     * it is told ({@code --missing}); training leaves them out.
     */
    private static List<Integer> usable(OutcomeTable outcomes, List<Integer> rows, int wanted) {
        List<Integer> complete = rows.stream().filter(outcomes::complete).toList();
        if (complete.size() >= wanted) {
            return complete;
        }
        return rows.stream()
                .sorted(Comparator.<Integer>comparingInt(row -> -answeredBy(outcomes, row))
                        .thenComparingInt(row -> row))
                .limit(wanted)
                .toList();
    }

    private static int answeredBy(OutcomeTable outcomes, int row) {
        int answered = 0;
        for (int m = 0; m < outcomes.modelIds().size(); m++) {
            if (outcomes.outcome(row, m) != OutcomeTable.MISSING) {
                answered++;
            }
        }
        return answered;
    }

    /** {@code task-03}, with the most common category of its questions where the data has categories. */
    private static String name(int number, List<Integer> rows, RoutingDataset data) {
        Map<String, Integer> counts = new HashMap<>();
        for (int row : rows) {
            String category = data.question(row).category();
            if (!category.isBlank()) {
                counts.merge(category, 1, Integer::sum);
            }
        }
        String base = String.format(java.util.Locale.ROOT, "task-%02d", number);
        return counts.entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .map(top -> base + "-" + top.getKey().replaceAll("[^A-Za-z0-9]+", "-"))
                .orElse(base);
    }

    /** Mean correctness of each row over the models that answered it (NaN-free: 0.5 for an unanswered row). */
    static double[] meanCorrectness(OutcomeTable outcomes) {
        int rows = outcomes.questionIds().size();
        int models = outcomes.modelIds().size();
        double[] mean = new double[rows];
        for (int row = 0; row < rows; row++) {
            int right = 0;
            int answered = 0;
            for (int m = 0; m < models; m++) {
                byte outcome = outcomes.outcome(row, m);
                if (outcome != OutcomeTable.MISSING) {
                    right += outcome;
                    answered++;
                }
            }
            mean[row] = answered == 0 ? 0.5 : (double) right / answered;
        }
        return mean;
    }
}
