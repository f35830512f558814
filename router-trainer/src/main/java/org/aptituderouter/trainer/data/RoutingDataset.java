package org.aptituderouter.trainer.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The shared routing data: questions, per-model outcomes and the model catalogue, cross-checked on load so that
 * every later step can index questions and outcomes by the same row.
 *
 * @param name        the data set's folder name, e.g. {@code mmlu-pro}
 * @param questions   questions in outcome-table row order
 * @param fingerprint digest of the three files, recorded with every artefact derived from them
 */
public record RoutingDataset(
        String name, List<Question> questions, OutcomeTable outcomes, List<ModelInfo> models, String fingerprint) {

    static final String QUESTIONS = "questions.jsonl";
    static final String OUTCOMES = "outcomes.csv";
    static final String MODELS = "models.csv";

    /**
     * Loads from {@code dir}, or from its {@code mmlu-pro/} subdirectory when {@code dir} is the shared
     * {@code routing-data} folder itself.
     */
    public static RoutingDataset load(Path dir) {
        Path root = Files.isRegularFile(dir.resolve(QUESTIONS)) ? dir : dir.resolve("mmlu-pro");
        for (String name : List.of(QUESTIONS, OUTCOMES, MODELS)) {
            if (!Files.isRegularFile(root.resolve(name))) {
                throw new IllegalArgumentException(
                        "routing data not found: " + root.resolve(name)
                                + " is missing (pass --data DIR, a folder holding questions.jsonl, outcomes.csv and models.csv)");
            }
        }
        List<Question> questions = QuestionReader.read(root.resolve(QUESTIONS));
        OutcomeTable outcomes = OutcomeTableReader.read(root.resolve(OUTCOMES));
        List<ModelInfo> models = ModelCatalogReader.read(root.resolve(MODELS));
        String fingerprint = Fingerprint.ofFiles(root.resolve(QUESTIONS), root.resolve(OUTCOMES), root.resolve(MODELS));
        for (String model : outcomes.modelIds()) {
            if (models.stream().noneMatch(info -> info.modelId().equals(model))) {
                throw new IllegalArgumentException(root.resolve(OUTCOMES) + " has a column for " + model + " but "
                        + root.resolve(MODELS) + " does not list it");
            }
        }
        String name = root.toAbsolutePath().normalize().getFileName().toString();
        return new RoutingDataset(name, alignToOutcomes(questions, outcomes), outcomes, models, fingerprint);
    }

    /**
     * A seeded sample of {@code count} questions with their outcome rows (the whole set when it has no more): a
     * quick bundle for a smoke test. Its fingerprint says it is a sample.
     */
    public RoutingDataset sample(int count, long seed) {
        if (count >= size()) {
            return this;
        }
        int[] rows = QuestionSplits.split(
                        java.util.stream.IntStream.range(0, size()).toArray(), (double) count / size(), seed)
                .first();
        List<Question> kept = new java.util.ArrayList<>();
        List<String> ids = new java.util.ArrayList<>();
        byte[][] table = new byte[rows.length][outcomes.modelIds().size()];
        for (int i = 0; i < rows.length; i++) {
            kept.add(questions.get(rows[i]));
            ids.add(outcomes.questionIds().get(rows[i]));
            for (int m = 0; m < table[i].length; m++) {
                table[i][m] = outcomes.outcome(rows[i], m);
            }
        }
        return new RoutingDataset(
                name,
                kept,
                new OutcomeTable(outcomes.modelIds(), ids, table),
                models,
                fingerprint + "-sample" + rows.length + "s" + seed);
    }

    private static List<Question> alignToOutcomes(List<Question> questions, OutcomeTable outcomes) {
        if (questions.size() != outcomes.questionIds().size()) {
            throw new IllegalArgumentException(questions.size() + " questions but "
                    + outcomes.questionIds().size() + " outcome rows");
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
        return models.stream()
                .filter(model -> model.modelId().equals(modelId))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("model " + modelId + " is not in models.csv"));
    }
}
