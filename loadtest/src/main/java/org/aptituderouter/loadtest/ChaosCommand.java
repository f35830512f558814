package org.aptituderouter.loadtest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.aptituderouter.loadtest.chaos.ChaosPlan;
import org.aptituderouter.loadtest.chaos.ChaosReport;
import org.aptituderouter.loadtest.chaos.ChaosReportWriter;
import org.aptituderouter.loadtest.chaos.ChaosScenario;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bin/router chaos}: the router's exactly-once and dead-letter promises under real faults, each part in a
 * process of its own (see {@link ChaosScenario}); writes chaos.json and chaos.md, exits 1 if any promise broke.
 */
@Command(
        name = "chaos",
        mixinStandardHelpOptions = true,
        description = {
            "Runs a Kafka broker, the schema registry and the router in processes of their own under "
                    + "open-loop traffic with poison records, kills the router with SIGKILL (restarting it), restarts the "
                    + "broker, kills a second instance for good, replaces the first by a new instance on empty state, and "
                    + "accounts for every record with a read_committed "
                    + "consumer. Writes chaos.json and chaos.md; exits 1 if a record was lost, duplicated or misfiled, "
                    + "or the router stopped."
        })
public final class ChaosCommand implements Callable<Integer> {

    @Option(names = "--kills", paramLabel = "N", description = "Router kills with restart (default: 10).")
    Integer kills;

    @Option(
            names = "--short",
            description = "CI's short form: 3 kills, a broker restart, a takeover and a " + "replacement.")
    boolean shortForm;

    @Option(
            names = "--rate",
            paramLabel = "PER_S",
            description = "Records offered per second, poison included "
                    + "(default: 10; the router on 2 cores routes about 45/s).")
    Double rate;

    @Option(names = "--seed", paramLabel = "N", description = "Seeds fault timing and poison bytes (default: 42).")
    Long seed;

    @Option(
            names = "--report",
            paramLabel = "DIR",
            defaultValue = "reports/local/chaos",
            description =
                    "Where the report and the processes' logs go (default: ${DEFAULT-VALUE}, which git " + "ignores).")
    Path reportDir;

    @Option(
            names = "--data",
            paramLabel = "DIR",
            description = "Shared data directory, for instruction texts "
                    + "(default: the router.shared.data.dir system property).")
    Path data;

    public static void main(String[] args) {
        String[] options = args.length > 0 && args[0].equals("chaos") ? Arrays.copyOfRange(args, 1, args.length) : args;
        System.exit(new CommandLine(new ChaosCommand()).execute(options));
    }

    @Override
    public Integer call() throws Exception {
        Files.createDirectories(reportDir);
        LogSetup.toFile(reportDir.resolve("chaos.log"));
        ChaosPlan plan = shortForm ? ChaosPlan.shortForm() : ChaosPlan.full();
        if (kills != null) {
            plan = plan.withKills(kills);
        }
        if (rate != null) {
            plan = plan.withRate(rate);
        }
        if (seed != null) {
            plan = plan.withSeed(seed);
        }
        TextSource source = TextSource.resolve(null, data);
        List<String> texts = source.read(500);
        System.out.printf(
                "chaos: %d kills, %d broker restart(s), %s; texts from %s; logs under %s%n",
                plan.kills(),
                plan.brokerRestarts(),
                plan.secondInstance()
                        ? "then a second instance killed for good and a replacement on empty state"
                        : "one instance",
                source.description(),
                reportDir.resolve("work").toAbsolutePath());
        ChaosReport report = new ChaosScenario(plan, reportDir.resolve("work"), texts, System.out).run();
        ChaosReportWriter.writeJson(report, reportDir.resolve("chaos.json"));
        ChaosReportWriter.writeMarkdown(report, reportDir.resolve("chaos.md"));
        System.out.println(Files.readString(reportDir.resolve("chaos.md"))
                .lines()
                .limit(22)
                .reduce((a, b) -> a + "\n" + b)
                .orElse(""));
        System.out.println("chaos: report in " + reportDir.toAbsolutePath());
        return report.passed() ? 0 : 1;
    }
}
