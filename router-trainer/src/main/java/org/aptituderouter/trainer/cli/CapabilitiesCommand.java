package org.aptituderouter.trainer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.aptituderouter.core.aptitude.AptitudeTest;
import org.aptituderouter.core.aptitude.MissingAnswersException;
import org.aptituderouter.core.aptitude.TaskEvidence;
import org.aptituderouter.core.bundle.RouterBundle;
import org.aptituderouter.core.capability.Candidate;
import org.aptituderouter.core.capability.CapabilityLines;
import org.aptituderouter.core.capability.ModelStatus;
import org.aptituderouter.trainer.aptitude.ModelEvidence;
import org.aptituderouter.trainer.data.OutcomeTable;
import org.aptituderouter.trainer.data.OutcomeTableReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bin/router capabilities}: capability lines of models from their aptitude-test results. */
@Command(
        name = "capabilities",
        mixinStandardHelpOptions = true,
        description = {
            "Prints one capability JSON line per model: its evidence (answered and correct per aptitude task) "
                    + "and the scores the router reads.",
            "Exit 0 when every model was scored, 1 when some lacked aptitude answers (the others are still printed), "
                    + "2 on unusable input."
        })
final class CapabilitiesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--outcomes",
            required = true,
            paramLabel = "FILE.csv",
            description = "question_id, then one column per model: 1 correct, 0 wrong, empty no result")
    Path outcomes;

    @Option(names = "--models", paramLabel = "a,b", description = "only these models (default: every column)")
    String models;

    @Option(
            names = "--costs",
            paramLabel = "FILE.csv",
            description = "model_id and cost (or params_b) columns; models without one get cost 1.0")
    Path costs;

    @Option(
            names = "--bundle",
            paramLabel = "DIR",
            description = "bundle whose aptitude test to score (default: bundled)")
    Path bundle;

    @Option(
            names = "--evidence",
            defaultValue = "aptitude",
            paramLabel = "aptitude|all",
            description = "aptitude: only the aptitude questions count (how a new model joins); all: every answered "
                    + "question of FILE, each in its nearest task (needs --questions)")
    String evidence;

    @Option(
            names = "--questions",
            paramLabel = "FILE.jsonl",
            description = "with --evidence all: the questions of FILE (default: questions.jsonl beside it)")
    Path questions;

    @Option(
            names = "--missing",
            defaultValue = "error",
            paramLabel = "error|wrong|skip",
            description = "an unanswered aptitude question: an error naming it (default), a wrong answer, or left out")
    String missing;

    @Option(names = "--cache", paramLabel = "DIR", description = "embedding cache (default ~/.cache/aptitude-router)")
    Path cache;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        AptitudeTest.Missing missingPolicy = parseMissing(err);
        boolean history = evidence.equals("all");
        if (missingPolicy == null || !history && !evidence.equals("aptitude")) {
            if (missingPolicy != null) {
                err.println("capabilities: --evidence must be aptitude or all, was '" + evidence + "'");
            }
            return 2;
        }
        AptitudeTest test = RouterBundle.open(bundle).aptitudeTest();
        OutcomeTable table = OutcomeTableReader.read(outcomes);
        Set<String> requested = ModelList.parse(models);
        List<String> unknown = ModelList.unknown(requested, table.modelIds());
        if (!unknown.isEmpty()) {
            err.println("capabilities: unknown model(s) in --models: " + String.join(", ", unknown) + " (" + outcomes
                    + " has columns: " + String.join(", ", table.modelIds()) + ")");
            return 2;
        }
        Map<String, Double> costTable = costs == null ? Map.of() : CostTable.read(costs);
        float[][] embeddings = history ? HistoryEmbeddings.of(table, questionsFile(), cache) : null;
        int[] allRows = IntStream.range(0, table.questionIds().size()).toArray();
        ModelEvidence modelEvidence = new ModelEvidence(test, embeddings);
        int failed = 0;
        for (String model : requested.isEmpty() ? table.modelIds() : List.copyOf(requested)) {
            try {
                TaskEvidence counts = history
                        ? modelEvidence.withHistory(table, model, allRows, missingPolicy)
                        : modelEvidence.aptitude(table, model, missingPolicy);
                out.println(CapabilityLines.format(new Candidate(
                        model,
                        test.id(),
                        test.scores(counts),
                        costTable.getOrDefault(model, Candidate.DEFAULT_COST),
                        ModelStatus.ACTIVE,
                        counts)));
            } catch (MissingAnswersException e) {
                String hint = e.missingQuestionIds().size() == test.questionCount()
                        ? " (none of the test's questions is in " + outcomes
                                + ": is --bundle the bundle for this data?)"
                        : "";
                err.println("capabilities: " + e.getMessage() + hint);
                failed++;
            }
        }
        out.flush();
        return failed == 0 ? 0 : 1;
    }

    private AptitudeTest.Missing parseMissing(PrintWriter err) {
        try {
            return AptitudeTest.Missing.valueOf(missing.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            err.println("capabilities: --missing must be error, wrong or skip, was '" + missing + "'");
            return null;
        }
    }

    private Path questionsFile() {
        if (questions != null) {
            return questions;
        }
        Path folder = outcomes.toAbsolutePath().getParent();
        return folder.resolve("questions.jsonl");
    }
}
