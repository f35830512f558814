package org.aptituderouter.loadtest.replay;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.aptituderouter.app.capability.CapabilityRecords;
import org.aptituderouter.app.config.TopicsProperties;
import org.aptituderouter.app.topics.RouterTopics;
import org.aptituderouter.app.topics.SchemaRegistrySettings;
import org.aptituderouter.core.Router;
import org.aptituderouter.core.bundle.RouterBundle;
import org.aptituderouter.core.capability.Candidate;
import org.aptituderouter.core.capability.CapabilityLines;
import org.aptituderouter.core.capability.CapabilitySet;
import org.aptituderouter.core.encoder.EncoderFamily;
import org.aptituderouter.core.inference.InferenceSettings;
import org.aptituderouter.core.policy.PolicySpec;
import org.aptituderouter.loadtest.LogSetup;
import org.aptituderouter.schemas.avro.ModelCapability;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bin/router replay}: routes a window of past instructions again and reports what would change. */
@Command(
        name = "replay",
        mixinStandardHelpOptions = true,
        description = {
            "Reads a window of the instructions topic (and the decisions and graded outcomes that go with "
                    + "it), routes it again with the bundle, policy and zoo given, and writes replay.md, replay.json and "
                    + "replay.png: instructions moved, volume per model before and after, expected and realised accuracy, "
                    + "mean cost. Writes nothing to the cluster."
        })
public final class ReplayCommand implements Callable<Integer> {

    @Option(
            names = "--from",
            required = true,
            paramLabel = "TIME",
            description = "window start: an ISO instant (2026-12-01T10:00:00Z) or an age (90m, 6h, 7d)")
    String from;

    @Option(names = "--to", paramLabel = "TIME", description = "window end, as --from (default: now)")
    String to;

    @Option(names = "--bundle", paramLabel = "DIR", description = "bundle to replay with (default: the bundled one)")
    Path bundle;

    @Option(names = "--encoder", defaultValue = "minilm", description = "minilm or static (default minilm)")
    String encoder;

    @Option(names = "--policy", defaultValue = "quality", description = "quality, cost or threshold")
    String policy;

    @Option(names = "--lambda", defaultValue = "0.001", description = "cost policy's price of one unit of cost")
    double lambda;

    @Option(names = "--threshold", defaultValue = "0.7", description = "threshold policy's minimum probability")
    double threshold;

    @Option(
            names = "--zoo",
            paramLabel = "FILE.jsonl",
            description = "capability lines to route against (default: the cluster's model-capabilities topic)")
    Path zoo;

    @Option(
            names = "--report",
            paramLabel = "DIR",
            defaultValue = "reports/local/replay",
            description = "where the report goes (default reports/local/replay)")
    Path report;

    @Option(
            names = "--set",
            paramLabel = "KEY=VALUE",
            description = "kafka.bootstrap.servers, "
                    + "kafka.schema.registry.url (both required), router.topics.prefix, ...")
    Map<String, String> settings = new LinkedHashMap<>();

    public static void main(String[] args) {
        String[] options =
                args.length > 0 && args[0].equals("replay") ? Arrays.copyOfRange(args, 1, args.length) : args;
        System.exit(new CommandLine(new ReplayCommand()).execute(options));
    }

    @Override
    public Integer call() throws Exception {
        String servers = settings.get("kafka.bootstrap.servers");
        String registry = settings.get("kafka.schema.registry.url");
        if (servers == null || registry == null) {
            System.err.println("replay: --set kafka.bootstrap.servers=HOST:PORT and --set "
                    + "kafka.schema.registry.url=URL are required (the cluster whose topics to replay)");
            return 2;
        }
        Files.createDirectories(report);
        LogSetup.toFile(report.resolve("replay.log"));
        Map<String, Object> clients = Map.of("bootstrap.servers", servers, "schema.registry.url", registry);
        TopicsProperties names = new TopicsProperties();
        names.setPrefix(settings.getOrDefault("router.topics.prefix", ""));
        RouterTopics topics = new RouterTopics(names, new SchemaRegistrySettings(clients));
        RouterBundle routerBundle = RouterBundle.open(bundle);
        PolicySpec spec = PolicySpec.of(policy, lambda, threshold);
        InferenceSettings inference =
                InferenceSettings.defaults().withBundle(bundle).withEncoder(EncoderFamily.parse(encoder));
        CapabilitySet capabilities = CapabilitySet.empty(routerBundle.aptitudeTest())
                .withAll(zoo != null ? fromFile(zoo) : fromTopic(clients, topics));
        try (Router router = Router.create(inference, spec, routerBundle)) {
            ReplayReport result = new WhatIfReplay(clients, topics)
                    .run(time(from), to == null ? Instant.now() : time(to), router, spec, capabilities);
            ReplayWriter.write(result, report);
            System.out.printf(
                    "replay: %d instructions, %d moved (%.1f%%), expected accuracy %.1f%% -> %.1f%%, mean "
                            + "cost %.2f -> %.2f, in %.1f s; report in %s%n",
                    result.instructions(),
                    result.moved(),
                    100 * result.movedShare(),
                    100 * result.estimatedBefore(),
                    100 * result.estimatedAfter(),
                    result.meanCostBefore(),
                    result.meanCostAfter(),
                    result.seconds(),
                    report.toAbsolutePath());
        }
        return 0;
    }

    private static List<Candidate> fromFile(Path file) throws Exception {
        try (Reader reader = Files.newBufferedReader(file)) {
            return CapabilityLines.read(reader);
        }
    }

    private static List<Candidate> fromTopic(Map<String, Object> clients, RouterTopics topics) {
        List<Candidate> candidates = new ArrayList<>();
        for (Map.Entry<String, ModelCapability> entry :
                new WindowReader(clients).latest(topics.capabilities()).entrySet()) {
            candidates.add(CapabilityRecords.toCandidate(entry.getKey(), entry.getValue()));
        }
        return candidates;
    }

    /** An ISO instant, or an age such as 90m, 6h or 7d before now. */
    static Instant time(String value) {
        String v = value.trim();
        if (v.matches("\\d+[smhd]")) {
            long amount = Long.parseLong(v.substring(0, v.length() - 1));
            Duration age = switch (v.charAt(v.length() - 1)) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
            return Instant.now().minus(age);
        }
        return Instant.parse(v);
    }
}
