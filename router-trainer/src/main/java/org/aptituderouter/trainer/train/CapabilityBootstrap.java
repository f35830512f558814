package org.aptituderouter.trainer.train;

import java.util.List;
import java.util.SplittableRandom;
import org.aptituderouter.core.aptitude.AptitudeTest;
import org.aptituderouter.trainer.aptitude.AptitudeAnswers;
import org.aptituderouter.trainer.data.OutcomeTable;

/**
 * Capability vectors of the training models, exact or resampled. With ~20 training models the head could
 * memorise each exact vector as a model id; a new model's vector is one noisy draw (20 questions per task), so
 * training shows the head bootstrap draws instead: per task, 20 of the model's answers drawn with replacement.
 */
public final class CapabilityBootstrap {

  private final byte[][][] answers; // [model][task][item]

  public CapabilityBootstrap(AptitudeTest test, OutcomeTable outcomes, List<String> models) {
    answers = new byte[models.size()][][];
    for (int m = 0; m < models.size(); m++) {
      answers[m] = AptitudeAnswers.matrix(test, outcomes, models.get(m));
    }
  }

  public int models() {
    return answers.length;
  }

  /** The measured vectors, [model][task]. */
  public float[][] exact() {
    float[][] vectors = new float[answers.length][];
    for (int m = 0; m < answers.length; m++) {
      vectors[m] = new float[answers[m].length];
      for (int t = 0; t < answers[m].length; t++) {
        int right = 0;
        for (byte answer : answers[m][t]) {
          right += answer;
        }
        vectors[m][t] = (float) right / answers[m][t].length;
      }
    }
    return vectors;
  }

  /** One bootstrap draw per model and task, [model][task]. */
  public float[][] resample(SplittableRandom random) {
    float[][] vectors = new float[answers.length][];
    for (int m = 0; m < answers.length; m++) {
      vectors[m] = new float[answers[m].length];
      for (int t = 0; t < answers[m].length; t++) {
        byte[] items = answers[m][t];
        int right = 0;
        for (int draw = 0; draw < items.length; draw++) {
          right += items[random.nextInt(items.length)];
        }
        vectors[m][t] = (float) right / items.length;
      }
    }
    return vectors;
  }
}
