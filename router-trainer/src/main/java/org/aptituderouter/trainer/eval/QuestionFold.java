package org.aptituderouter.trainer.eval;

/**
 * One question fold of the evaluation: baselines learn from {@code trainRows} (the rows the scorer heads of this
 * fold trained on); every method is scored on {@code evalRows}.
 */
public record QuestionFold(int index, int[] trainRows, int[] evalRows) {}
