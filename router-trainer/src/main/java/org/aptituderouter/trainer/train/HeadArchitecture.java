package org.aptituderouter.trainer.train;

import java.util.LinkedHashMap;
import java.util.Map;
import org.aptituderouter.core.aptitude.AptitudeTask;
import org.aptituderouter.core.aptitude.AptitudeTest;

/**
 * Sizes of the scorer head and the parameters they imply. The head is an item-response model whose item
 * parameters come from the instruction and whose ability comes from the capability vector:
 * <pre>
 *   h        = ReLU(e W1 + b1)                                  instruction features
 *   A_k      = softmax over tasks of (h Wa + ba)_k               K task-attention heads
 *   theta_k  = sum_t A_k[t] * logit(smooth(c[t]))                the model's ability on the tasks this instruction resembles
 *   a_k      = softplus(h Wd + bd)_k                             discrimination, never negative
 *   logit(p) = sum_k a_k * theta_k - (h Wb + bb)                 minus the instruction's difficulty
 * </pre>
 * A model enters only through c, and p can only grow when any of its task accuracies grows: a new model that
 * beats every training model on the aptitude test is scored above them rather than somewhere arbitrary, which an
 * unconstrained network does not guarantee. Accuracies are moved to the logit scale after additive smoothing
 * with half a question ({@code (k + 0.5) / (n + 1)} for k of n right), so 0 and 1 stay finite.
 *
 * @param itemsPerTask questions per aptitude task (n of the smoothing)
 */
public record HeadArchitecture(int embeddingDim, int taskCount, int itemsPerTask, int hidden, int attentionHeads) {

  public static final String INSTRUCTION_W = "instruction.w";
  public static final String INSTRUCTION_B = "instruction.b";
  public static final String ATTENTION_W = "attention.w";
  public static final String ATTENTION_B = "attention.b";
  public static final String DISCRIMINATION_W = "discrimination.w";
  public static final String DISCRIMINATION_B = "discrimination.b";
  public static final String DIFFICULTY_W = "difficulty.w";
  public static final String DIFFICULTY_B = "difficulty.b";

  public static HeadArchitecture standard(int embeddingDim, int taskCount, int itemsPerTask) {
    return new HeadArchitecture(embeddingDim, taskCount, itemsPerTask, 128, 4);
  }

  /** The standard head for an aptitude test whose tasks all have the same number of questions. */
  public static HeadArchitecture forTest(int embeddingDim, AptitudeTest test) {
    int items = test.tasks().get(0).questionIds().size();
    for (AptitudeTask task : test.tasks()) {
      if (task.questionIds().size() != items) {
        throw new IllegalArgumentException("aptitude test " + test.id() + " has tasks of " + items + " and "
            + task.questionIds().size() + " questions; the head smooths every task alike");
      }
    }
    return standard(embeddingDim, test.dimension(), items);
  }

  /** Scale and shift that take an accuracy c to its smoothed value (c n + 0.5) / (n + 1). */
  public float smoothingScale() {
    return (float) itemsPerTask / (itemsPerTask + 1);
  }

  public float smoothingShift() {
    return 0.5f / (itemsPerTask + 1);
  }

  /** Parameter name to shape, in a fixed order (initialisation draws from one seeded stream in this order). */
  public Map<String, long[]> parameterShapes() {
    Map<String, long[]> shapes = new LinkedHashMap<>();
    shapes.put(INSTRUCTION_W, new long[] {embeddingDim, hidden});
    shapes.put(INSTRUCTION_B, new long[] {hidden});
    shapes.put(ATTENTION_W, new long[] {hidden, (long) taskCount * attentionHeads});
    shapes.put(ATTENTION_B, new long[] {(long) taskCount * attentionHeads});
    shapes.put(DISCRIMINATION_W, new long[] {hidden, attentionHeads});
    shapes.put(DISCRIMINATION_B, new long[] {attentionHeads});
    shapes.put(DIFFICULTY_W, new long[] {hidden, 1});
    shapes.put(DIFFICULTY_B, new long[] {1});
    return shapes;
  }
}
