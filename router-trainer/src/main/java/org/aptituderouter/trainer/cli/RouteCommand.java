package org.aptituderouter.trainer.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import org.aptituderouter.core.Router;
import org.aptituderouter.core.RoutingOutcome;
import org.aptituderouter.core.RoutingRequest;
import org.aptituderouter.core.ScoredCandidate;
import org.aptituderouter.core.bundle.RouterBundle;
import org.aptituderouter.core.encoder.EncoderFamily;
import org.aptituderouter.core.inference.InferenceSettings;
import org.aptituderouter.core.policy.PolicySpec;
import org.aptituderouter.trainer.data.CsvFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bin/router route}: routes a file of questions with router-core's Router and prints the decisions as CSV. */
@Command(
        name = "route",
        mixinStandardHelpOptions = true,
        description = {
            "Routes each question to a model of the capability file and prints CSV "
                    + "question_id,model_id,probability (the chosen model, or with --scores every eligible candidate, best first).",
            "Bad records (malformed JSON, invalid UTF-8, empty text, bad capability line) are reported on stderr by line "
                    + "and id and skipped; exit 1 if there were any, 0 otherwise, 2 on unusable input."
        })
final class RouteCommand implements Callable<Integer> {

    private static final int BATCH = 64;
    private static final int PROGRESS_FROM = 4 * BATCH;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--questions",
            required = true,
            paramLabel = "FILE.jsonl",
            description = "JSON lines with question_id, question and optional options")
    Path questions;

    @Option(names = "--capabilities", required = true, paramLabel = "FILE.jsonl", description = "capability lines")
    Path capabilities;

    @Option(names = "--policy", defaultValue = "quality", description = "quality, cost or threshold (default quality)")
    String policy;

    @Option(
            names = "--lambda",
            defaultValue = "0",
            description = "cost policy: price of one unit of cost in probability")
    double lambda;

    @Option(names = "--threshold", defaultValue = "0.5", description = "threshold policy: minimum probability tau")
    double threshold;

    @Option(names = "--models", paramLabel = "a,b", description = "only route to these models")
    String models;

    @Option(names = "--scores", description = "one row per question and eligible candidate")
    boolean scores;

    @Option(
            names = "--margin",
            defaultValue = "" + PolicySpec.DEFAULT_MARGIN,
            description = "quality policy: leave the strongest model only for a gain above this many standard errors")
    double margin;

    @Option(
            names = "--bundle",
            paramLabel = "DIR",
            description = "bundle (aptitude test and scorer head) the capability lines refer to (default: bundled)")
    Path bundle;

    @Mixin
    EncoderOptions encoder;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PolicySpec policySpec = PolicySpec.of(policy, lambda, threshold, margin);
        RouterBundle routerBundle = RouterBundle.open(bundle);
        CapabilityFile.Loaded loaded = CapabilityFile.read(capabilities, routerBundle.aptitudeTest(), err);
        if (loaded.set().routable().isEmpty()) {
            err.println("route: no usable capability line in " + capabilities);
            return 2;
        }
        Set<String> allowed = ModelList.parse(models);
        List<String> unknown = ModelList.unknown(allowed, loaded.set().modelIds());
        if (!unknown.isEmpty()) {
            err.println("route: unknown model(s) in --models: " + String.join(", ", unknown) + " (" + capabilities
                    + " has: " + String.join(", ", loaded.set().modelIds()) + ")");
            return 2;
        }
        List<InstructionLines.Line> lines;
        try (InputStream in = Files.newInputStream(questions)) {
            lines = InstructionLines.read(in);
        }
        int bad = loaded.badLines();
        InferenceSettings settings = encoderSettings(routerBundle, err).withBundle(bundle);
        out.println(CsvFiles.FORMAT.format("question_id", "model_id", "probability"));
        try (Router router = Router.create(settings, policySpec, routerBundle);
                ProgressBar progress =
                        lines.size() >= PROGRESS_FROM ? ProgressBars.create("Routing", lines.size()) : null) {
            for (int start = 0; start < lines.size(); start += BATCH) {
                List<InstructionLines.Line> batch = lines.subList(start, Math.min(start + BATCH, lines.size()));
                bad += routeBatch(router, loaded, batch, allowed, out, err);
                if (progress != null) {
                    progress.stepBy(batch.size());
                }
            }
        }
        out.flush();
        return bad == 0 ? 0 : 1;
    }

    /** The encoder asked for; a static bundle's own table unless {@code --static-table} names another. */
    private InferenceSettings encoderSettings(RouterBundle routerBundle, PrintWriter err) {
        if (encoder.family() == EncoderFamily.STATIC
                && encoder.staticTable == null
                && routerBundle.staticTable().isPresent()) {
            return InferenceSettings.defaults().withEncoder(EncoderFamily.STATIC);
        }
        return encoder.settings(err);
    }

    /** Routes the good lines of a batch in one call; returns how many lines were bad or rejected. */
    private int routeBatch(
            Router router,
            CapabilityFile.Loaded loaded,
            List<InstructionLines.Line> batch,
            Set<String> allowed,
            PrintWriter out,
            PrintWriter err) {
        int bad = 0;
        List<InstructionLines.Good> good = new ArrayList<>();
        for (InstructionLines.Line line : batch) {
            if (line instanceof InstructionLines.Bad problem) {
                err.println("route: " + problem.describe());
                bad++;
            } else {
                good.add((InstructionLines.Good) line);
            }
        }
        List<RoutingRequest> requests = good.stream()
                .map(line -> RoutingRequest.of(line.id(), line.text()).withAllowed(allowed))
                .toList();
        List<RoutingOutcome> outcomes = router.route(requests, loaded.set());
        for (int i = 0; i < outcomes.size(); i++) {
            if (outcomes.get(i) instanceof RoutingOutcome.Routed routed) {
                List<ScoredCandidate> rows =
                        scores ? routed.ranking() : routed.ranking().subList(0, 1);
                rows.forEach(candidate -> out.println(CsvFiles.FORMAT.format(
                        routed.requestId(),
                        candidate.modelId(),
                        String.format(Locale.ROOT, "%.6f", candidate.probability()))));
            } else {
                RoutingOutcome.Rejected rejected = (RoutingOutcome.Rejected) outcomes.get(i);
                err.println("route: line " + good.get(i).number() + ", question " + rejected.requestId() + ": "
                        + rejected.reason() + ": " + rejected.message());
                bad++;
            }
        }
        return bad;
    }
}
