package org.aptituderouter.loadtest.bench;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.aptituderouter.core.capability.Candidate;
import org.aptituderouter.loadtest.clock.BenchClock;
import org.aptituderouter.loadtest.collector.EndToEndCollector;

/**
 * Times model onboarding under load: while a step runs, a new model's capability record is published, and the
 * time until the first routing decision choosing it reaches the collector is measured. It covers the global-store
 * update, the routed topic's creation, a batch routed with the new set and that batch's transaction commit.
 */
public final class OnboardingProbe {

    private static final Duration POLL = Duration.ofMillis(5);

    private final StepRunner steps;
    private final EndToEndCollector collector;
    private final CapabilityPublisher publisher;
    private final BenchClock clock;

    public OnboardingProbe(
            StepRunner steps, EndToEndCollector collector, CapabilityPublisher publisher, BenchClock clock) {
        this.steps = steps;
        this.collector = collector;
        this.publisher = publisher;
        this.clock = clock;
    }

    /**
     * Offers {@code ratePerSecond} for {@code duration}, publishes the newcomer a third of the way in, and retires
     * it when the step is over.
     */
    public OnboardingResult run(Candidate newcomer, double ratePerSecond, Duration duration, Progress progress)
            throws InterruptedException {
        ExecutorService watcher = Executors.newSingleThreadExecutor(r -> new Thread(r, "loadtest-onboarding"));
        AtomicBoolean loadOver = new AtomicBoolean();
        try {
            Future<OptionalLong> onboarding = watcher.submit(() -> publishAndWatch(newcomer, duration, loadOver));
            StepResult step;
            try {
                step = steps.run("onboarding", ratePerSecond, duration, progress);
            } finally {
                loadOver.set(true);
            }
            OptionalLong elapsed = onboarding.get();
            Double onboardingMs = elapsed.isPresent() ? elapsed.getAsLong() / 1e6 : null;
            long chosen = step.perModel().getOrDefault(newcomer.modelId(), 0L);
            double share = step.received() == 0 ? 0 : (double) chosen / step.received();
            return new OnboardingResult(newcomer.modelId(), onboardingMs, share, step);
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "cannot onboard " + newcomer.modelId() + ": " + e.getCause().getMessage(), e.getCause());
        } finally {
            watcher.shutdownNow();
            publisher.retire(newcomer.modelId());
        }
    }

    /** Nanoseconds from publishing to the first decision for the newcomer; empty if none came before the load ended. */
    private OptionalLong publishAndWatch(Candidate newcomer, Duration duration, AtomicBoolean loadOver)
            throws InterruptedException {
        Thread.sleep(duration.dividedBy(3).toMillis());
        long published = clock.nanoTime();
        publisher.publish(newcomer);
        while (!loadOver.get()) {
            OptionalLong first = collector.firstDecisionNanos(newcomer.modelId());
            if (first.isPresent()) {
                return OptionalLong.of(first.getAsLong() - published);
            }
            Thread.sleep(POLL.toMillis());
        }
        OptionalLong first = collector.firstDecisionNanos(newcomer.modelId());
        return first.isPresent() ? OptionalLong.of(first.getAsLong() - published) : OptionalLong.empty();
    }
}
