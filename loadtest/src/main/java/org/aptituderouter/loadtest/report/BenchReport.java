package org.aptituderouter.loadtest.report;

import java.util.List;
import java.util.Map;
import org.aptituderouter.loadtest.bench.BatchEffect;
import org.aptituderouter.loadtest.bench.OnboardingResult;
import org.aptituderouter.loadtest.bench.SpilloverResult;
import org.aptituderouter.loadtest.bench.StepResult;

/**
 * Everything one {@code bin/router bench} run measured. Serialized with snake_case names: {@code ceiling_per_s},
 * {@code onboarding_ms}, {@code steps} (each {@code offered_per_s}, {@code achieved_per_s}, {@code p50_ms},
 * {@code p99_ms}, {@code p999_ms}, {@code max_ms}, {@code sent}, {@code missing}, {@code duplicates}, ...),
 * {@code encoder}, {@code passthrough_per_s}, {@code zoo_scaling} (each {@code candidates}, {@code per_s}) and
 * {@code spillover} ({@code model_id}, {@code max_lag}, {@code stop_ms}, {@code resume_ms}, {@code overshoot},
 * {@code step}).
 *
 * @param encoder          {@code minilm} or {@code static}
 * @param onboardingMs     null when the new model was never chosen during the onboarding step
 * @param passthroughPerS  what the same pipeline delivered with a router that answers without inference, under far
 *                         more load than it carries: the ceiling of Kafka, the store and the transactions
 * @param zooScaling       router-core alone (as the ceiling) against zoos of the run's candidates repeated
 * @param spillover        the busiest model's workers stopping and catching up under load
 */
public record BenchReport(
        String generatedAt,
        boolean quick,
        BenchEnvironment environment,
        String encoder,
        RouterSettings router,
        int texts,
        String textSource,
        double ceilingPerS,
        double passthroughPerS,
        List<ZooScaling> zooScaling,
        Double onboardingMs,
        OnboardingResult onboarding,
        SpilloverResult spillover,
        List<StepResult> steps,
        List<BatchEffect> batchEffect,
        Map<String, Long> perModel) {

    /** Router-core's throughput with this many candidates. */
    public record ZooScaling(int candidates, double perS) {}

    /** Every step (onboarding and batch settings included) delivered every instruction exactly once. */
    public boolean exactlyOnce() {
        return steps.stream().allMatch(StepResult::exactlyOnce)
                && (onboarding == null || onboarding.step().exactlyOnce())
                && (spillover == null || spillover.step().exactlyOnce())
                && batchEffect.stream().allMatch(effect -> effect.step().exactlyOnce());
    }
}
