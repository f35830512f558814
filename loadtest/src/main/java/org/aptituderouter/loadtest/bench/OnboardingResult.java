package org.aptituderouter.loadtest.bench;

/**
 * A model joining under load.
 *
 * @param onboardingMs   from publishing the capability record to the first decision choosing the model, as the
 *                       collector saw it; null when no decision chose it before the run ended
 * @param newcomerShare  share of the run's instructions routed to the new model
 * @param step           the load that ran meanwhile, with its latency and delivery accounting
 */
public record OnboardingResult(String modelId, Double onboardingMs, double newcomerShare, StepResult step) {}
