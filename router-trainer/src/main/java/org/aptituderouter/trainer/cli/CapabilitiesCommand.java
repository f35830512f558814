package org.aptituderouter.trainer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.aptituderouter.core.aptitude.AptitudeTest;
import org.aptituderouter.core.aptitude.MissingAnswersException;
import org.aptituderouter.core.capability.Candidate;
import org.aptituderouter.core.capability.CapabilityLines;
import org.aptituderouter.trainer.aptitude.AptitudeAnswers;
import org.aptituderouter.trainer.data.OutcomeTable;
import org.aptituderouter.trainer.data.OutcomeTableReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code bin/router capabilities}: capability lines of models from their aptitude-test results. */
@Command(name = "capabilities", mixinStandardHelpOptions = true,
    description = {"Scores models on the aptitude test and prints one capability JSON line per model.",
        "Exit 0 when every model was scored, 1 when some lacked aptitude answers (the others are still printed), "
            + "2 on unusable input."})
final class CapabilitiesCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--outcomes", required = true, paramLabel = "FILE.csv",
      description = "question_id, then one column per model: 1 correct, 0 wrong, empty no result")
  Path outcomes;

  @Option(names = "--models", paramLabel = "a,b", description = "only these models (default: every column)")
  String models;

  @Option(names = "--costs", paramLabel = "FILE.csv",
      description = "model_id and cost (or params_b) columns; models without one get cost 1.0")
  Path costs;

  @Option(names = "--aptitude-test", paramLabel = "FILE.json", description = "aptitude test (default: bundled)")
  Path aptitudeTest;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    AptitudeTest test = AptitudeTestOption.load(aptitudeTest);
    OutcomeTable table = OutcomeTableReader.read(outcomes);
    Set<String> requested = ModelList.parse(models);
    List<String> unknown = ModelList.unknown(requested, table.modelIds());
    if (!unknown.isEmpty()) {
      err.println("capabilities: unknown model(s) in --models: " + String.join(", ", unknown) + " (" + outcomes
          + " has columns: " + String.join(", ", table.modelIds()) + ")");
      return 2;
    }
    Map<String, Double> costTable = costs == null ? Map.of() : CostTable.read(costs);
    int failed = 0;
    for (String model : requested.isEmpty() ? table.modelIds() : List.copyOf(requested)) {
      try {
        float[] scores = test.score(model, AptitudeAnswers.of(table, model));
        out.println(CapabilityLines.format(
            new Candidate(model, test.id(), scores, costTable.getOrDefault(model, Candidate.DEFAULT_COST))));
      } catch (MissingAnswersException e) {
        err.println("capabilities: " + e.getMessage());
        failed++;
      }
    }
    out.flush();
    return failed == 0 ? 0 : 1;
  }
}
