package org.aptituderouter.loadtest.bench;

import java.time.Duration;
import java.util.List;

/**
 * What a benchmark run does and for how long.
 *
 * @param loadFractions      offered load of each step, as a fraction of the measured ceiling
 * @param stepDuration       how long each step offers its load
 * @param warmup             an unreported step at the first fraction, so JIT and connection set-up are not
 *                           charged to the first reported step; also the ceiling probe's warm-up
 * @param ceilingDuration    how long router-core alone is timed
 * @param drainTimeout       how long after a step's last send its instructions may still arrive
 * @param onboardingFraction load (fraction of the ceiling) while a model joins
 * @param onboardingDuration length of the onboarding step; the model joins a third of the way in
 * @param batchSettings      other batch settings to compare with the application's own
 * @param batchFraction      load (fraction of the first ceiling) offered under every batch setting
 * @param maxTexts           instruction texts read from the source
 * @param passthroughRate    load offered to a router that routes without inference, to find the pipeline's own
 *                           ceiling (far above what it carries, so what it delivers is the ceiling)
 */
public record BenchPlan(
        List<Double> loadFractions,
        Duration stepDuration,
        Duration warmup,
        Duration ceilingDuration,
        Duration drainTimeout,
        double onboardingFraction,
        Duration onboardingDuration,
        List<BatchSetting> batchSettings,
        double batchFraction,
        int maxTexts,
        double passthroughRate) {

    private static final List<Double> STEPS = List.of(0.25, 0.50, 0.75, 1.00, 1.25);

    /** A few minutes: steps long enough for stable p99.9 at the rates a CPU router reaches. */
    public static BenchPlan full() {
        return new BenchPlan(
                STEPS,
                Duration.ofSeconds(30),
                Duration.ofSeconds(10),
                Duration.ofSeconds(20),
                Duration.ofSeconds(60),
                0.5,
                Duration.ofSeconds(30),
                List.of(BatchSetting.parse("8:10ms"), BatchSetting.parse("128:200ms")),
                0.75,
                2000,
                20_000);
    }

    /** About a minute: the same phases, short, and one other batch setting. */
    public static BenchPlan quick() {
        return new BenchPlan(
                STEPS,
                Duration.ofSeconds(4),
                Duration.ofSeconds(2),
                Duration.ofSeconds(4),
                Duration.ofSeconds(20),
                0.5,
                Duration.ofSeconds(6),
                List.of(BatchSetting.parse("8:10ms")),
                0.75,
                500,
                10_000);
    }
}
