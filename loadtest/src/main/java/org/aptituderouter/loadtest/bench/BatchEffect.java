package org.aptituderouter.loadtest.bench;

/**
 * The same offered load under one batch setting.
 *
 * @param ceilingPerS router-core alone with this max batch size
 * @param step        the pipeline at the offered rate, which is the same for every setting
 */
public record BatchEffect(int maxSize, long maxWaitMs, double ceilingPerS, StepResult step) {}
