package org.aptituderouter.trainer.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The shared routing data: questions, per-model outcomes and the model catalogue, cross-checked on load so that
 * every later step can index questions and outcomes by the same row.
 *
 * @param questions questions in outcome-table row order
 * @param fingerprint digest of the three files, recorded with every artefact derived from them
 */
public record RoutingDataset(List<Question> questions, OutcomeTable outcomes, List<ModelInfo> models, String fingerprint) {

  static final String QUESTIONS = "questions.jsonl";
  static final String OUTCOMES = "outcomes.csv";
  static final String MODELS = "models.csv";

  /** Loads from {@code dir}, or from its {@code mmlu-pro/} subdirectory when the files are there. */
  public static RoutingDataset load(Path dir) {
    Path root = Files.isRegularFile(dir.resolve(QUESTIONS)) ? dir : dir.resolve("mmlu-pro");
    for (String name : List.of(QUESTIONS, OUTCOMES, MODELS)) {
      if (!Files.isRegularFile(root.resolve(name))) {
        throw new IllegalArgumentException("routing data not found: " + root.resolve(name)
            + " is missing (pass --data DIR, the folder holding mmlu-pro/)");
      }
    }
    List<Question> questions = QuestionReader.read(root.resolve(QUESTIONS));
    OutcomeTable outcomes = OutcomeTableReader.read(root.resolve(OUTCOMES));
    List<ModelInfo> models = ModelCatalogReader.read(root.resolve(MODELS));
    String fingerprint = Fingerprint.ofFiles(root.resolve(QUESTIONS), root.resolve(OUTCOMES), root.resolve(MODELS));
    return new RoutingDataset(alignToOutcomes(questions, outcomes), outcomes, models, fingerprint);
  }

  private static List<Question> alignToOutcomes(List<Question> questions, OutcomeTable outcomes) {
    if (questions.size() != outcomes.questionIds().size()) {
      throw new IllegalArgumentException(questions.size() + " questions but " + outcomes.questionIds().size()
          + " outcome rows");
    }
    Question[] aligned = new Question[questions.size()];
    for (Question question : questions) {
      int row = outcomes.questionIndex(question.id());
      if (row < 0) {
        throw new IllegalArgumentException("question " + question.id() + " has no outcome row");
      }
      aligned[row] = question;
    }
    return List.of(aligned);
  }

  public int size() {
    return questions.size();
  }

  public Question question(int row) {
    return questions.get(row);
  }

  public ModelInfo model(String modelId) {
    return models.stream().filter(model -> model.modelId().equals(modelId)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("model " + modelId + " is not in models.csv"));
  }
}
