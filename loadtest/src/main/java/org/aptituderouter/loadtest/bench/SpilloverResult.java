package org.aptituderouter.loadtest.bench;

/**
 * A model's workers stopping under load, and catching up again.
 *
 * @param maxLag    the capacity declared in the model's capability record (offsets of its routed topic)
 * @param crossed   whether its backlog passed {@code maxLag} during the step
 * @param stopMs    from the moment its backlog first read above {@code maxLag} to the last instruction its topic
 *                  received before the workers caught up; null when the backlog never crossed the limit, or when
 *                  the topic was still receiving shortly before the catch-up (the model never stopped receiving)
 * @param resumeMs  from the workers' catch-up (offsets committed to the end) to the first instruction its topic
 *                  received again; null when it had not stopped, or when none came before the step ended
 * @param overshoot instructions (offsets) the topic received past {@code maxLag} before the catch-up
 * @param step      the load that ran meanwhile, with its latency and delivery accounting
 */
public record SpilloverResult(
        String modelId, long maxLag, boolean crossed, Double stopMs, Double resumeMs, long overshoot, StepResult step) {

    /** It crossed its limit and then received nothing until its workers caught up. */
    public boolean stopped() {
        return stopMs != null;
    }
}
