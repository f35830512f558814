package org.aptituderouter.trainer.aptitude;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.aptituderouter.core.aptitude.AptitudeTask;
import org.aptituderouter.core.aptitude.AptitudeTest;
import org.aptituderouter.trainer.data.OutcomeTable;

/**
 * A model's answers to the aptitude test, taken from an outcome table: what router-core's
 * {@link AptitudeTest#score} turns into the capability vector, and what training resamples to simulate the
 * measurement noise of a 20-question task.
 */
public final class AptitudeAnswers {

  private AptitudeAnswers() {}

  /** Question id to correct, for the questions the table has a result for (missing ones are left out). */
  public static Map<String, Boolean> of(OutcomeTable outcomes, String modelId) {
    int model = outcomes.modelIndex(modelId);
    if (model < 0) {
      throw new IllegalArgumentException("model " + modelId + " is not a column of the outcomes");
    }
    Map<String, Boolean> answers = new HashMap<>();
    for (int row = 0; row < outcomes.questionIds().size(); row++) {
      byte outcome = outcomes.outcome(row, model);
      if (outcome != OutcomeTable.MISSING) {
        answers.put(outcomes.questionIds().get(row), outcome == 1);
      }
    }
    return answers;
  }

  /** answers[task][item], 1 correct, 0 wrong; the model must have answered every question of the test. */
  public static byte[][] matrix(AptitudeTest test, OutcomeTable outcomes, String modelId) {
    test.score(modelId, of(outcomes, modelId)); // throws, naming the missing questions, if any
    int model = outcomes.modelIndex(modelId);
    List<AptitudeTask> tasks = test.tasks();
    byte[][] answers = new byte[tasks.size()][];
    for (int t = 0; t < tasks.size(); t++) {
      List<String> questions = tasks.get(t).questionIds();
      answers[t] = new byte[questions.size()];
      for (int i = 0; i < questions.size(); i++) {
        answers[t][i] = outcomes.outcome(outcomes.questionIndex(questions.get(i)), model);
      }
    }
    return answers;
  }
}
