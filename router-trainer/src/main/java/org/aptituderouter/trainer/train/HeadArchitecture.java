package org.aptituderouter.trainer.train;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sizes of the scorer head and the parameters they imply. The head reads an instruction embedding e and a
 * capability vector c and scores them in three ways that meet in one hidden layer:
 * <ul>
 *   <li>an instruction tower MLP(e) and a capability tower MLP(c), added by broadcasting (B x 1 x H + 1 x M x H);
 *   <li>task attention: each head turns e into a softmax over the aptitude tasks and reads the capability vector
 *       through it, giving "this model's accuracy on the tasks this instruction resembles"; those weighted
 *       capabilities are projected into the hidden layer and also feed the output directly, so the obvious
 *       monotone signal (higher relevant accuracy, higher probability) is available from the first step.
 * </ul>
 * A model enters only through c, so an unseen model is scored from its capability vector alone.
 */
public record HeadArchitecture(int embeddingDim, int taskCount, int hidden, int towerHidden, int attentionHeads) {

  public static final String INSTRUCTION_W1 = "instruction.w1";
  public static final String INSTRUCTION_B1 = "instruction.b1";
  public static final String INSTRUCTION_W2 = "instruction.w2";
  public static final String INSTRUCTION_B2 = "instruction.b2";
  public static final String CAPABILITY_W1 = "capability.w1";
  public static final String CAPABILITY_B1 = "capability.b1";
  public static final String CAPABILITY_W2 = "capability.w2";
  public static final String CAPABILITY_B2 = "capability.b2";
  public static final String ATTENTION_W = "attention.w";
  public static final String ATTENTION_B = "attention.b";
  public static final String ATTENTION_PROJECTION = "attention.projection";
  public static final String ATTENTION_DIRECT = "attention.direct";
  public static final String OUTPUT_W = "output.w";
  public static final String OUTPUT_B = "output.b";

  public static HeadArchitecture standard(int embeddingDim, int taskCount) {
    return new HeadArchitecture(embeddingDim, taskCount, 64, 128, 4);
  }

  /** Parameter name to shape, in a fixed order (initialisation draws from one seeded stream in this order). */
  public Map<String, long[]> parameterShapes() {
    Map<String, long[]> shapes = new LinkedHashMap<>();
    shapes.put(INSTRUCTION_W1, new long[] {embeddingDim, towerHidden});
    shapes.put(INSTRUCTION_B1, new long[] {towerHidden});
    shapes.put(INSTRUCTION_W2, new long[] {towerHidden, hidden});
    shapes.put(INSTRUCTION_B2, new long[] {hidden});
    shapes.put(CAPABILITY_W1, new long[] {taskCount, towerHidden});
    shapes.put(CAPABILITY_B1, new long[] {towerHidden});
    shapes.put(CAPABILITY_W2, new long[] {towerHidden, hidden});
    shapes.put(CAPABILITY_B2, new long[] {hidden});
    shapes.put(ATTENTION_W, new long[] {embeddingDim, (long) attentionHeads * taskCount});
    shapes.put(ATTENTION_B, new long[] {(long) attentionHeads * taskCount});
    shapes.put(ATTENTION_PROJECTION, new long[] {attentionHeads, hidden});
    shapes.put(ATTENTION_DIRECT, new long[] {attentionHeads});
    shapes.put(OUTPUT_W, new long[] {hidden});
    shapes.put(OUTPUT_B, new long[] {1});
    return shapes;
  }
}
