package org.aptituderouter.loadtest.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.aptituderouter.core.bench.SyntheticZoo;
import org.aptituderouter.core.capability.Candidate;
import org.aptituderouter.core.capability.CapabilitySet;
import org.aptituderouter.core.capability.Newcomer;
import org.aptituderouter.loadtest.clock.BenchClock;
import org.aptituderouter.loadtest.report.BenchEnvironment;
import org.aptituderouter.loadtest.report.BenchReport;
import org.aptituderouter.loadtest.report.RouterSettings;

/**
 * One benchmark, start to finish: the ceiling of router-core alone, the pipeline under stepped load (fractions of
 * that ceiling), a model joining under load, and the same load under other batch settings, each setting on a
 * freshly started router. Everything runs on the same instruction texts.
 */
public final class BenchRunner {

    /** A router on shared CPUs may take a while to load its models and restore; this is generous. */
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    /** Zoo sizes of the scaling table; the run's own zoo (23 models with the bundled one) is measured as it is. */
    private static final List<Integer> ZOO_SIZES = List.of(23, 100, 1000);
    /** The capacity given to the model whose workers stop: at least this many offsets of its routed topic. */
    private static final long MIN_SPILLOVER_LAG = 20;

    private final BenchPlan plan;
    private final List<String> texts;
    private final String textSource;
    private final Map<String, Object> appProperties;
    private final boolean quick;
    private final Progress progress;
    private final PrintStream out;
    private final BenchClock clock = BenchClock.system();
    private final String sessionId = "bench-" + UUID.randomUUID().toString().substring(0, 8);

    /**
     * @param appProperties configuration for the router under test over its application.yml (e.g.
     *                      {@code kafka.bootstrap.servers} to use a real cluster instead of the embedded one)
     * @param out           where a line per finished phase is printed
     */
    public BenchRunner(
            BenchPlan plan,
            List<String> texts,
            String textSource,
            Map<String, Object> appProperties,
            boolean quick,
            Progress progress,
            PrintStream out) {
        this.plan = plan;
        this.texts = List.copyOf(texts);
        this.textSource = textSource;
        this.appProperties = Map.copyOf(appProperties);
        this.quick = quick;
        this.progress = progress;
        this.out = out;
    }

    public BenchReport run() throws InterruptedException {
        String generatedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        out.println("bench: starting the router (" + describeBroker() + ") ...");
        try (RouterUnderTest app = startRouter(Map.of())) {
            RouterSettings settings = settings(app);
            double routerCeiling = ceiling(app, app.batch().getMaxSize());
            out.printf(
                    Locale.ROOT,
                    "bench: ceiling %.1f instructions/s (router-core alone, batch %d, %d thread(s))%n",
                    routerCeiling,
                    settings.maxBatchSize(),
                    settings.streamThreads());
            List<BenchReport.ZooScaling> zooScaling = zooScaling(app, settings.maxBatchSize());
            double passthrough = passthroughCeiling();
            // the steps offer fractions of whichever limit binds: inference, or the pipeline itself
            double ceiling = Math.min(routerCeiling, passthrough);
            List<StepResult> steps = new ArrayList<>();
            OnboardingResult onboarding;
            SpilloverResult spillover;
            try (BenchSession session = new BenchSession(app, texts, clock, sessionId, plan.drainTimeout())) {
                session.steps().run("warmup", plan.loadFractions().get(0) * ceiling, plan.warmup(), progress);
                for (double fraction : plan.loadFractions()) {
                    StepResult step =
                            session.steps().run(label(fraction), fraction * ceiling, plan.stepDuration(), progress);
                    print(step);
                    steps.add(step);
                }
                onboarding = session.onboarding()
                        .run(
                                Newcomer.withFullMarks(app.zoo(), sessionId + "-newcomer"),
                                plan.onboardingFraction() * ceiling,
                                plan.onboardingDuration(),
                                progress);
                print(onboarding);
                spillover = spillover(app, session, steps, plan.onboardingFraction() * ceiling);
                print(spillover);
            }
            List<BatchEffect> batchEffect = batchEffect(settings, ceiling, steps);
            return new BenchReport(
                    generatedAt,
                    quick,
                    BenchEnvironment.detect(describeBroker()),
                    app.inference().getEncoder().toLowerCase(Locale.ROOT),
                    settings,
                    texts.size(),
                    textSource,
                    routerCeiling,
                    passthrough,
                    zooScaling,
                    onboarding.onboardingMs(),
                    onboarding,
                    spillover,
                    steps,
                    batchEffect,
                    perModel(steps, onboarding, spillover, batchEffect));
        }
    }

    /**
     * What the pipeline delivers with no inference in it, on a router of its own (same settings, the passthrough
     * router), under {@code passthroughRate}: the cost of Kafka, the batch store, the outputs and the transactions.
     */
    private double passthroughCeiling() throws InterruptedException {
        out.println("bench: measuring the passthrough ceiling (a router without inference) ...");
        try (RouterUnderTest app = startRouter(Map.of("router.benchmark.passthrough", true));
                BenchSession session = new BenchSession(app, texts, clock, sessionId + "-pt", plan.drainTimeout())) {
            session.steps().run("passthrough-warmup", plan.passthroughRate() / 4, plan.warmup(), progress);
            StepResult step = session.steps().run("passthrough", plan.passthroughRate(), plan.stepDuration(), progress);
            print(step);
            out.printf(
                    Locale.ROOT,
                    "bench: passthrough ceiling %.1f instructions/s%s%n",
                    step.achievedPerS(),
                    step.fellBehind() ? " (the generator fell behind: the pipeline may carry more)" : "");
            return step.achievedPerS();
        }
    }

    private double ceiling(RouterUnderTest app, int batchSize) throws InterruptedException {
        try (Progress.Task task = progress.start("ceiling", 1)) {
            task.note("router-core alone, batch " + batchSize);
            double ceiling = new CeilingProbe(app.router(), app.zoo(), texts, batchSize, app.streamThreads())
                    .measure(plan.warmup(), plan.ceilingDuration());
            task.stepTo(1);
            return ceiling;
        }
    }

    /**
     * Router-core alone, as the ceiling, with the run's zoo and with it repeated to 100 and 1,000 candidates: what a
     * larger zoo costs per instruction. Each size is timed for a quarter of the ceiling's duration.
     */
    private List<BenchReport.ZooScaling> zooScaling(RouterUnderTest app, int batchSize) throws InterruptedException {
        List<BenchReport.ZooScaling> rows = new ArrayList<>();
        Duration each = plan.ceilingDuration().dividedBy(4);
        try (Progress.Task task = progress.start("zoo scaling", ZOO_SIZES.size())) {
            for (int size : ZOO_SIZES) {
                task.note(size + " candidates");
                CapabilitySet zoo =
                        size == app.zoo().routable().size() ? app.zoo() : SyntheticZoo.scaled(app.zoo(), size);
                double perS = new CeilingProbe(app.router(), zoo, texts, batchSize, app.streamThreads())
                        .measure(plan.warmup().dividedBy(4), each);
                rows.add(new BenchReport.ZooScaling(zoo.routable().size(), perS));
                task.stepTo(rows.size());
            }
        }
        rows.forEach(row -> out.printf(
                Locale.ROOT, "bench: zoo scaling %d candidates %.1f instructions/s%n", row.candidates(), row.perS()));
        return rows;
    }

    /**
     * The application's own setting comes from the stepped load (the step at the batch fraction, when there is
     * one); every other setting runs on a router started with it.
     */
    private List<BatchEffect> batchEffect(RouterSettings own, double ceiling, List<StepResult> steps)
            throws InterruptedException {
        List<BatchEffect> effects = new ArrayList<>();
        steps.stream()
                .filter(step -> step.label().equals(label(plan.batchFraction())))
                .findFirst()
                .ifPresent(step -> effects.add(new BatchEffect(own.maxBatchSize(), own.maxWaitMs(), ceiling, step)));
        for (BatchSetting setting : plan.batchSettings()) {
            out.println("bench: restarting the router with batch " + setting + " ...");
            try (RouterUnderTest app = startRouter(setting.properties())) {
                double settingCeiling = ceiling(app, setting.maxSize());
                try (BenchSession session = new BenchSession(app, texts, clock, sessionId, plan.drainTimeout())) {
                    String label = "batch-" + setting.maxSize() + "-"
                            + setting.maxWait().toMillis() + "ms";
                    session.steps().run(label + "-warmup", plan.batchFraction() * ceiling, plan.warmup(), progress);
                    StepResult step =
                            session.steps().run(label, plan.batchFraction() * ceiling, plan.stepDuration(), progress);
                    print(step);
                    effects.add(
                            new BatchEffect(setting.maxSize(), setting.maxWait().toMillis(), settingCeiling, step));
                }
            }
        }
        return effects;
    }

    /**
     * The model the stepped load went to most stops being served (its workers stop consuming) under the onboarding
     * load, with a capacity of about a second of that load; then its workers catch up.
     */
    private SpilloverResult spillover(RouterUnderTest app, BenchSession session, List<StepResult> steps, double rate)
            throws InterruptedException {
        String busiest = volume(steps).entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey)
                .orElseThrow(() -> new IllegalStateException("the stepped load routed nothing"));
        Candidate model = app.zoo()
                .find(busiest)
                .orElseThrow(() -> new IllegalStateException(busiest + " left the zoo during the run"));
        long maxLag = Math.max(MIN_SPILLOVER_LAG, Math.round(rate));
        return session.spillover()
                .run(
                        model,
                        app.topics().routedTopicName(busiest),
                        sessionId + "-workers",
                        maxLag,
                        rate,
                        plan.onboardingDuration(),
                        progress);
    }

    private RouterUnderTest startRouter(Map<String, Object> batch) throws InterruptedException {
        Map<String, Object> properties = new HashMap<>(appProperties);
        if (describeBroker().equals("embedded")) {
            properties.put("router.embedded", true); // asked for: embedded mode is never implied
        }
        properties.putAll(batch);
        return RouterUnderTest.start(properties, READY_TIMEOUT);
    }

    private RouterSettings settings(RouterUnderTest app) {
        String encoder = app.inference().getEncoder().equalsIgnoreCase("static")
                ? "static"
                : "minilm " + app.inference().getEncoderVariant();
        return new RouterSettings(
                app.batch().getMaxSize(),
                app.batch().getMaxWait().toMillis(),
                encoder,
                app.inference().getExecutionProvider(),
                app.inference().getIntraOpThreads(),
                app.streamThreads(),
                app.partitions(),
                app.zoo().routable().size(),
                app.router().version());
    }

    private String describeBroker() {
        Object servers = appProperties.get("kafka.bootstrap.servers");
        return servers == null || servers.toString().isBlank() ? "embedded" : servers.toString();
    }

    private static String label(double fraction) {
        return Math.round(fraction * 100) + "pct";
    }

    private void print(StepResult s) {
        out.printf(
                Locale.ROOT,
                "bench: %-16s offered %7.1f/s achieved %7.1f/s  p50 %7.1f  p99 %7.1f  p99.9 %7.1f"
                        + "  max %7.1f ms  sent %d missing %d duplicates %d%s%n",
                s.label(),
                s.offeredPerS(),
                s.achievedPerS(),
                s.p50Ms(),
                s.p99Ms(),
                s.p999Ms(),
                s.maxMs(),
                s.sent(),
                s.missing(),
                s.duplicates(),
                s.fellBehind() ? "  (generator fell behind)" : "");
    }

    private void print(OnboardingResult onboarding) {
        print(onboarding.step());
        out.println(
                onboarding.onboardingMs() == null
                        ? "bench: the new model was never chosen during the onboarding step"
                        : String.format(
                                Locale.ROOT,
                                "bench: onboarding %.1f ms to the first decision for %s (%.0f%% of the "
                                        + "step's instructions)",
                                onboarding.onboardingMs(),
                                onboarding.modelId(),
                                100 * onboarding.newcomerShare()));
    }

    private void print(SpilloverResult s) {
        print(s.step());
        if (!s.crossed()) {
            out.println("bench: spillover: the backlog of " + s.modelId() + " never passed its max_lag " + s.maxLag());
        } else if (!s.stopped()) {
            out.println("bench: spillover: " + s.modelId() + " kept receiving after its backlog passed max_lag "
                    + s.maxLag() + " (" + s.overshoot() + " over): spillover did not happen");
        } else {
            out.printf(
                    Locale.ROOT,
                    "bench: spillover: %s stopped receiving %.0f ms after its backlog passed max_lag %d (%d over), and"
                            + " received again %s after its workers caught up%n",
                    s.modelId(),
                    s.stopMs(),
                    s.maxLag(),
                    s.overshoot(),
                    s.resumeMs() == null ? "never" : String.format(Locale.ROOT, "%.0f ms", s.resumeMs()));
        }
    }

    private static Map<String, Long> perModel(
            List<StepResult> steps, OnboardingResult onboarding, SpilloverResult spillover, List<BatchEffect> effects) {
        List<StepResult> all = new ArrayList<>(steps);
        all.add(onboarding.step());
        all.add(spillover.step());
        effects.stream()
                .map(BatchEffect::step)
                .filter(step -> !steps.contains(step))
                .forEach(all::add);
        return volume(all);
    }

    /** Instructions delivered to each model's topic over these steps. */
    private static Map<String, Long> volume(List<StepResult> steps) {
        Map<String, Long> total = new TreeMap<>();
        steps.forEach(step -> step.perModel().forEach((model, count) -> total.merge(model, count, Long::sum)));
        return total;
    }
}
