package org.aptituderouter.loadtest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.aptituderouter.loadtest.bench.BatchSetting;
import org.aptituderouter.loadtest.bench.BenchPlan;
import org.aptituderouter.loadtest.bench.BenchRunner;
import org.aptituderouter.loadtest.bench.ConsoleProgress;
import org.aptituderouter.loadtest.report.BenchReport;
import org.aptituderouter.loadtest.report.JsonReportWriter;
import org.aptituderouter.loadtest.report.LatencyChart;
import org.aptituderouter.loadtest.report.MarkdownReportWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bin/router bench}: the ceiling of router-core alone, the streams application under stepped load, a model
 * joining under load and the effect of the batch settings, in one run, written as JSON, Markdown and a plot.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        subcommands = ProduceCommand.class,
        description = {
            "Benchmarks the router: router-core's ceiling, then the streams application (embedded broker "
                    + "unless kafka.bootstrap.servers is set) under stepped open-loop load, model onboarding and batch "
                    + "settings. Writes bench.json, bench.md and latency.png to the report directory."
        })
public final class BenchCommand implements Callable<Integer> {

    static final String CHART_FILE = "latency.png";
    /**
     * Stack for the thread that starts the router: loading the MiniLM tokenizer (native code, through DJL) overflows
     * the 1-2 MB a JVM thread gets by default and kills the process with SIGSEGV; 4 MB is enough today.
     */
    private static final long ROUTER_START_STACK_BYTES = 16L * 1024 * 1024;

    @Option(names = "--quick", description = "About a minute: short steps, fewer texts, one other batch setting.")
    boolean quick;

    @Option(
            names = "--report",
            paramLabel = "DIR",
            defaultValue = "reports/local/bench",
            description = "Where the report goes (default: ${DEFAULT-VALUE}, which git ignores).")
    Path reportDir;

    @Option(
            names = "--texts",
            paramLabel = "FILE",
            description = "JSON lines of {\"text\"} or {\"question\", \"options\"} (default: "
                    + "<data>/mmlu-pro/questions.jsonl, or the app's sample instructions when that is missing).")
    Path texts;

    @Option(
            names = "--data",
            paramLabel = "DIR",
            description = "Shared data directory (default: the "
                    + "router.shared.data.dir or shared.data.dir system property).")
    Path data;

    @Option(names = "--max-texts", paramLabel = "N", description = "Texts to read (default: 2000, quick: 500).")
    Integer maxTexts;

    @Option(
            names = "--steps",
            split = ",",
            paramLabel = "PERCENT",
            description = "Offered load of each step, in percent of the ceiling (default: 25,50,75,100,125).")
    List<Integer> stepPercents;

    @Option(names = "--step-seconds", paramLabel = "S", description = "Length of each step (default: 30, quick: 4).")
    Integer stepSeconds;

    @Option(
            names = "--batch",
            split = ",",
            paramLabel = "SIZE:WAITms",
            description = "Other router.batch settings to compare, e.g. 8:10ms,128:200ms (default; quick: 8:10ms).")
    List<String> batchSettings;

    @Option(
            names = "--set",
            paramLabel = "KEY=VALUE",
            description = "Router configuration over application.yml, e.g. kafka.bootstrap.servers=broker:9092 "
                    + "(a real cluster instead of the embedded one), router.inference.encoder-variant=quantized.")
    Map<String, String> overrides = new LinkedHashMap<>();

    public static void main(String[] args) throws InterruptedException {
        // bin/router passes its own command word first, as RouterApplication expects it; here it is redundant
        String[] options = args.length > 0 && args[0].equals("bench") ? Arrays.copyOfRange(args, 1, args.length) : args;
        int[] exitCode = new int[1];
        Thread command = new Thread(
                null,
                () -> exitCode[0] = new CommandLine(new BenchCommand()).execute(options),
                "bench",
                ROUTER_START_STACK_BYTES);
        command.start();
        command.join();
        System.exit(exitCode[0]);
    }

    @Override
    public Integer call() throws Exception {
        Files.createDirectories(reportDir);
        LogSetup.toFile(reportDir.resolve("bench.log"));
        TextSource source = TextSource.resolve(texts, data);
        BenchPlan plan = plan();
        List<String> instructionTexts = source.read(plan.maxTexts());
        BenchReport report = new BenchRunner(
                        plan,
                        instructionTexts,
                        source.description(),
                        new LinkedHashMap<>(overrides),
                        quick,
                        new ConsoleProgress(),
                        System.out)
                .run();
        JsonReportWriter.write(report, reportDir.resolve("bench.json"));
        MarkdownReportWriter.write(report, reportDir.resolve("bench.md"), CHART_FILE);
        LatencyChart.write(report, reportDir.resolve(CHART_FILE));
        System.out.println("bench: report in " + reportDir.toAbsolutePath());
        if (!report.exactlyOnce()) {
            System.err.println("bench: some instructions were not delivered exactly once (see missing/duplicates)");
            return 1;
        }
        return 0;
    }

    private BenchPlan plan() {
        BenchPlan base = quick ? BenchPlan.quick() : BenchPlan.full();
        List<Double> fractions = stepPercents == null
                ? base.loadFractions()
                : stepPercents.stream().map(p -> p / 100.0).toList();
        Duration step = stepSeconds == null ? base.stepDuration() : Duration.ofSeconds(stepSeconds);
        List<BatchSetting> batch = base.batchSettings();
        if (batchSettings != null) {
            batch = new ArrayList<>();
            for (String setting : batchSettings) {
                batch.add(BatchSetting.parse(setting));
            }
        }
        return new BenchPlan(
                fractions,
                step,
                base.warmup(),
                base.ceilingDuration(),
                base.drainTimeout(),
                base.onboardingFraction(),
                base.onboardingDuration(),
                batch,
                base.batchFraction(),
                maxTexts == null ? base.maxTexts() : maxTexts,
                base.passthroughRate());
    }
}
