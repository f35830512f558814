package org.aptituderouter.trainer.aptitude;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.aptituderouter.core.aptitude.AptitudeTask;
import org.aptituderouter.core.aptitude.AptitudeTest;
import org.aptituderouter.trainer.data.OutcomeTable;
import org.aptituderouter.trainer.data.Question;
import org.aptituderouter.trainer.data.RoutingDataset;

/**
 * Builds the aptitude test from the original-MMLU part of MMLU-Pro: one task per subject, a fixed number of
 * questions per task. Deterministic: the same data always gives the same test.
 *
 * <p>Subjects: those with enough usable questions (all zoo models have a result), the largest first, so the
 * subjects left for routing evaluation keep the most questions. Items: the most discriminative ones, as in the
 * paper: mean correctness over the zoo closest to one half, ties broken by the point-biserial correlation
 * with the models' overall ability (an item the strong models get right and the weak ones miss measures
 * ability rather than luck), then by question id.
 */
public final class AptitudeTestBuilder {

  public static final String TEST_ID = "mmlu-pro-apt-v1";
  public static final String SUBJECT_PREFIX = "ori_mmlu-";

  private final int taskCount;
  private final int questionsPerTask;

  public AptitudeTestBuilder(int taskCount, int questionsPerTask) {
    this.taskCount = taskCount;
    this.questionsPerTask = questionsPerTask;
  }

  public static AptitudeTestBuilder standard() {
    return new AptitudeTestBuilder(50, 20);
  }

  public AptitudeTest build(RoutingDataset data) {
    Map<String, List<Integer>> usableBySubject = usableQuestionsBySubject(data);
    List<String> subjects = chooseSubjects(usableBySubject);
    double[] ability = modelAbility(data.outcomes(), subjects, usableBySubject);
    List<AptitudeTask> tasks = new ArrayList<>();
    for (String subject : subjects) {
      tasks.add(new AptitudeTask(subject, mostDiscriminative(data, usableBySubject.get(subject), ability)));
    }
    return new AptitudeTest(TEST_ID, tasks);
  }

  private static Map<String, List<Integer>> usableQuestionsBySubject(RoutingDataset data) {
    Map<String, List<Integer>> bySubject = new TreeMap<>();
    for (int row = 0; row < data.size(); row++) {
      Question question = data.question(row);
      if (question.src().startsWith(SUBJECT_PREFIX) && data.outcomes().complete(row)) {
        bySubject.computeIfAbsent(question.src(), subject -> new ArrayList<>()).add(row);
      }
    }
    return bySubject;
  }

  private List<String> chooseSubjects(Map<String, List<Integer>> usableBySubject) {
    List<String> eligible = usableBySubject.entrySet().stream()
        .filter(entry -> entry.getValue().size() >= questionsPerTask)
        .sorted(Comparator.<Map.Entry<String, List<Integer>>>comparingInt(entry -> -entry.getValue().size())
            .thenComparing(Map.Entry::getKey))
        .map(Map.Entry::getKey)
        .toList();
    if (eligible.size() < taskCount) {
      throw new IllegalStateException("only " + eligible.size() + " subjects have " + questionsPerTask
          + " usable questions; the test needs " + taskCount);
    }
    return eligible.subList(0, taskCount).stream().sorted().toList();
  }

  /** Each model's accuracy over the candidate pool: the ability the point-biserial correlation refers to. */
  private static double[] modelAbility(OutcomeTable outcomes, List<String> subjects,
      Map<String, List<Integer>> usableBySubject) {
    int models = outcomes.modelIds().size();
    double[] correct = new double[models];
    int count = 0;
    for (String subject : subjects) {
      for (int row : usableBySubject.get(subject)) {
        count++;
        for (int m = 0; m < models; m++) {
          correct[m] += outcomes.outcome(row, m);
        }
      }
    }
    for (int m = 0; m < models; m++) {
      correct[m] /= count;
    }
    return correct;
  }

  private List<String> mostDiscriminative(RoutingDataset data, List<Integer> rows, double[] ability) {
    record Item(String id, double distanceFromHalf, double pointBiserial) {}
    List<Item> items = new ArrayList<>();
    for (int row : rows) {
      double[] answers = new double[ability.length];
      double mean = 0;
      for (int m = 0; m < ability.length; m++) {
        answers[m] = data.outcomes().outcome(row, m);
        mean += answers[m];
      }
      mean /= ability.length;
      items.add(new Item(data.question(row).id(), Math.abs(mean - 0.5), correlation(answers, ability)));
    }
    return items.stream()
        .sorted(Comparator.comparingDouble(Item::distanceFromHalf)
            .thenComparing(Comparator.comparingDouble(Item::pointBiserial).reversed())
            .thenComparing(Item::id, QuestionIdOrder.INSTANCE))
        .limit(questionsPerTask)
        .map(Item::id)
        .toList();
  }

  /** Pearson correlation; 0 when either side is constant (an item everyone gets right says nothing). */
  static double correlation(double[] x, double[] y) {
    double meanX = 0;
    double meanY = 0;
    for (int i = 0; i < x.length; i++) {
      meanX += x[i];
      meanY += y[i];
    }
    meanX /= x.length;
    meanY /= y.length;
    double covariance = 0;
    double varianceX = 0;
    double varianceY = 0;
    for (int i = 0; i < x.length; i++) {
      covariance += (x[i] - meanX) * (y[i] - meanY);
      varianceX += (x[i] - meanX) * (x[i] - meanX);
      varianceY += (y[i] - meanY) * (y[i] - meanY);
    }
    return varianceX == 0 || varianceY == 0 ? 0 : covariance / Math.sqrt(varianceX * varianceY);
  }
}
