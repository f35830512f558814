package org.aptituderouter.loadtest.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.aptituderouter.loadtest.bench.BatchEffect;
import org.aptituderouter.loadtest.bench.OnboardingResult;
import org.aptituderouter.loadtest.bench.SpilloverResult;
import org.aptituderouter.loadtest.bench.StepResult;

/** {@code bench.md}: the report for people, with the plot beside it and what the figures mean for scaling out. */
public final class MarkdownReportWriter {

    private MarkdownReportWriter() {}

    public static void write(BenchReport report, Path file, String chartFileName) throws IOException {
        Files.writeString(file, render(report, chartFileName), StandardCharsets.UTF_8);
    }

    static String render(BenchReport report, String chartFileName) {
        StringBuilder md = new StringBuilder();
        RouterSettings router = report.router();
        BenchEnvironment env = report.environment();
        md.append("# Aptitude Router benchmark")
                .append(report.quick() ? " (quick)" : "")
                .append("\n\n");
        md.append(String.format(
                Locale.ROOT,
                "%s; %s, %d cores; %s; broker: %s.%n%n",
                report.generatedAt(),
                env.cpuModel(),
                env.cores(),
                env.java(),
                env.broker()));
        md.append(String.format(
                Locale.ROOT,
                "Router %s: %s encoder on %s, batches of up to %d instructions waiting at most %d ms, %d stream "
                        + "thread(s), %d partitions, %d models. %d instruction texts from %s.%n%n",
                router.routerVersion(),
                router.encoderVariant(),
                router.executionProvider(),
                router.maxBatchSize(),
                router.maxWaitMs(),
                router.streamThreads(),
                router.partitions(),
                router.models(),
                report.texts(),
                report.textSource()));
        md.append(String.format(
                Locale.ROOT,
                "**Ceiling** (router-core alone, same batch size and threads): "
                        + "**%.1f instructions/s**. **Passthrough ceiling** (the same pipeline, exactly-once, with a router "
                        + "that answers without inference, offered far more than it carries): **%.1f instructions/s**. "
                        + "Steps offer fractions of the lower of the two.%n%n",
                report.ceilingPerS(),
                report.passthroughPerS()));
        zooScaling(md, report.zooScaling());
        md.append("## Pipeline under stepped load\n\n");
        md.append("Latency is end to end, from each instruction's intended send time (open loop, so a stall is "
                + "charged to latency, not hidden) to its arrival, committed, on its model's topic.\n\n");
        stepTable(md, report.steps());
        md.append("\n![latency vs throughput](").append(chartFileName).append(")\n\n");
        onboarding(md, report.onboarding());
        spillover(md, report.spillover());
        batchEffect(md, report);
        scaleOut(md, report);
        return md.toString();
    }

    private static void stepTable(StringBuilder md, Iterable<StepResult> steps) {
        md.append("| step | offered/s | achieved/s | p50 ms | p99 ms | p99.9 ms | max ms | sent | missing "
                + "| duplicates | note |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (StepResult s : steps) {
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %d | %d | %d | %s |%n",
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
                    note(s)));
        }
    }

    private static String note(StepResult s) {
        StringBuilder note = new StringBuilder();
        if (s.fellBehind()) {
            note.append(String.format(
                    Locale.ROOT, "generator behind (%d late sends, up to %.0f ms) ", s.lateSends(), s.maxSendLagMs()));
        }
        if (s.sendErrors() > 0) {
            note.append(s.sendErrors()).append(" send errors ");
        }
        if (s.decisionsMissing() > 0 || s.decisionsDuplicates() > 0) {
            note.append(String.format(
                    Locale.ROOT,
                    "decisions: %d missing, %d duplicated ",
                    s.decisionsMissing(),
                    s.decisionsDuplicates()));
        }
        if (s.unexpected() > 0) {
            note.append(s.unexpected()).append(" unacknowledged sends delivered ");
        }
        return note.toString().trim();
    }

    private static void onboarding(StringBuilder md, OnboardingResult onboarding) {
        md.append("## Model onboarding\n\n");
        if (onboarding == null) {
            md.append("Not measured.\n\n");
            return;
        }
        StepResult s = onboarding.step();
        if (onboarding.onboardingMs() == null) {
            md.append(String.format(
                    Locale.ROOT,
                    "`%s` joined at %.1f instructions/s and was **never chosen** " + "before the step ended.%n%n",
                    onboarding.modelId(),
                    s.offeredPerS()));
        } else {
            md.append(String.format(
                    Locale.ROOT,
                    "`%s` (full marks on every task) joined at %.1f instructions/s: "
                            + "**%.1f ms** from publishing its capability record to the first decision choosing it; "
                            + "it took %.0f%% of the step's instructions. Latency meanwhile: p50 %.1f ms, p99 %.1f ms, "
                            + "max %.1f ms; %d missing, %d duplicates.%n%n",
                    onboarding.modelId(),
                    s.offeredPerS(),
                    onboarding.onboardingMs(),
                    100 * onboarding.newcomerShare(),
                    s.p50Ms(),
                    s.p99Ms(),
                    s.maxMs(),
                    s.missing(),
                    s.duplicates()));
        }
    }

    private static void spillover(StringBuilder md, SpilloverResult spillover) {
        md.append("## Capacity-aware spillover\n\n");
        if (spillover == null) {
            md.append("Not measured.\n\n");
            return;
        }
        StepResult s = spillover.step();
        md.append(String.format(
                Locale.ROOT,
                "`%s`, the model the stepped load went to most, got `max_lag` %d and "
                        + "workers that stopped consuming, at %.1f instructions/s. ",
                spillover.modelId(),
                spillover.maxLag(),
                s.offeredPerS()));
        if (!spillover.crossed()) {
            md.append("Its backlog **never passed** the limit during the step.\n\n");
        } else if (!spillover.stopped()) {
            md.append(String.format(
                    Locale.ROOT,
                    "Its backlog passed the limit, but its topic **kept receiving** until the workers caught up (%d "
                            + "offsets over the limit): spillover did not happen.%n%n",
                    spillover.overshoot()));
        } else {
            md.append(String.format(
                    Locale.ROOT,
                    "Its topic stopped receiving **%.0f ms** after its backlog passed the "
                            + "limit (%d offsets over it; the backlog is read every `router.spillover.poll-interval`)"
                            + ", and received again **%s** after its workers caught up. Latency meanwhile: p50 %.1f ms, "
                            + "p99 %.1f ms; %d missing, %d duplicates.%n%n",
                    spillover.stopMs(),
                    spillover.overshoot(),
                    spillover.resumeMs() == null
                            ? "never, before the step ended"
                            : String.format(Locale.ROOT, "%.0f ms", spillover.resumeMs()),
                    s.p50Ms(),
                    s.p99Ms(),
                    s.missing(),
                    s.duplicates()));
        }
    }

    private static void batchEffect(StringBuilder md, BenchReport report) {
        md.append("## Batch size and wait\n\n");
        if (report.batchEffect().isEmpty()) {
            md.append("Not measured.\n\n");
            return;
        }
        md.append("The same offered load under each `router.batch.max-size` / `max-wait`; the ceiling is router-core "
                + "alone with that batch size.\n\n");
        md.append("| max-size | max-wait ms | ceiling/s | offered/s | achieved/s | p50 ms | p99 ms | p99.9 ms "
                + "| max ms | missing | duplicates |\n");
        md.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (BatchEffect effect : report.batchEffect()) {
            StepResult s = effect.step();
            md.append(String.format(
                    Locale.ROOT,
                    "| %d | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %d | %d |%n",
                    effect.maxSize(),
                    effect.maxWaitMs(),
                    effect.ceilingPerS(),
                    s.offeredPerS(),
                    s.achievedPerS(),
                    s.p50Ms(),
                    s.p99Ms(),
                    s.p999Ms(),
                    s.maxMs(),
                    s.missing(),
                    s.duplicates()));
        }
        md.append('\n');
    }

    /** What the measured figures say about adding instances or partitions, in this configuration's terms. */
    private static void scaleOut(StringBuilder md, BenchReport report) {
        RouterSettings router = report.router();
        double best = report.steps().stream()
                .mapToDouble(StepResult::achievedPerS)
                .max()
                .orElse(0);
        double perThread = report.ceilingPerS() / Math.max(1, router.streamThreads());
        md.append("## Scaling out\n\n");
        md.append(String.format(
                Locale.ROOT,
                "The instructions topic has %d partitions, so at most %d stream threads, across all instances, route "
                        + "at once; each routes one batch at a time, and router-core alone did %.1f instructions/s "
                        + "per thread here. The best pipeline step delivered %.1f/s with %d thread(s) (%.0f%% of the "
                        + "ceiling: Kafka, transactions and, on this machine, the generator and collector share the "
                        + "same CPUs).%n%n",
                router.partitions(),
                router.partitions(),
                perThread,
                best,
                router.streamThreads(),
                report.ceilingPerS() == 0 ? 0 : 100 * best / report.ceilingPerS()));
        int threads = router.streamThreads();
        if (threads < router.partitions()) {
            md.append(String.format(
                    Locale.ROOT,
                    "- **One more instance** (same %d thread(s), its own CPUs or GPU): Kafka Streams moves tasks "
                            + "to it, adding up to about %.0f instructions/s, until %d threads hold all %d "
                            + "partitions; each thread commits its own transactions, and each instance keeps its own "
                            + "capability set.%n",
                    threads,
                    perThread * threads,
                    router.partitions(),
                    router.partitions()));
        } else {
            md.append("- **One more instance** adds nothing until the topic has more partitions: every partition "
                    + "already has a thread, and an instance beyond that gets no task.\n");
        }
        md.append(String.format(
                Locale.ROOT,
                "- **One more partition** lets one more thread work (up to about %.0f instructions/s more, given "
                        + "a free core or GPU for it). Partitions are set when the topics are created "
                        + "(`router.topics.partitions`); adding some to a running application also means resetting "
                        + "its internal topics, since the batch buffer's changelog has one partition per input "
                        + "partition. Routing itself does not depend on which partition an instruction is in.%n",
                perThread));
    }

    private static void zooScaling(StringBuilder md, List<BenchReport.ZooScaling> scaling) {
        if (scaling.isEmpty()) {
            return;
        }
        md.append(
                "**Zoo scaling** (router-core alone, as the ceiling, with the zoo's candidates repeated under new ids):"
                        + "\n\n| candidates | instructions/s | time per instruction vs the first row |\n|---:|---:|---:|\n");
        double first = scaling.get(0).perS();
        for (BenchReport.ZooScaling row : scaling) {
            md.append(String.format(
                    Locale.ROOT, "| %d | %.1f | %.2fx |%n", row.candidates(), row.perS(), first / row.perS()));
        }
        md.append('\n');
    }
}
