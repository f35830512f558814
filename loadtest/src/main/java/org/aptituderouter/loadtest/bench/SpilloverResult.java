package org.aptituderouter.loadtest.bench;

/**
 * A model's workers stopping under load, and catching up again.
 *
 * @param maxLag    the capacity declared in the model's capability record (offsets of its routed topic)
 * @param stopMs    from the moment its backlog first read above {@code maxLag} to the last instruction its topic
 *                  received before the workers caught up; null when the backlog never crossed the limit
 * @param resumeMs  from the workers' catch-up (offsets committed to the end) to the first instruction its topic
 *                  received again; null when none came before the step ended
 * @param overshoot instructions (offsets) the topic received past {@code maxLag} before it stopped receiving
 * @param step      the load that ran meanwhile, with its latency and delivery accounting
 */
public record SpilloverResult(
        String modelId, long maxLag, Double stopMs, Double resumeMs, long overshoot, StepResult step) {}
