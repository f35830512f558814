package org.aptituderouter.trainer.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.aptituderouter.core.inference.InferenceSettings;
import org.aptituderouter.trainer.data.OutcomeTable;
import org.aptituderouter.trainer.data.Question;
import org.aptituderouter.trainer.data.QuestionReader;
import org.aptituderouter.trainer.embed.EmbeddingCache;
import org.aptituderouter.trainer.embed.QuestionEmbedder;

/**
 * Embeddings of an outcome file's questions, row for row, for {@code capabilities --evidence all}: each answered
 * question is placed in its nearest aptitude task. Every outcome row needs its question text.
 */
final class HistoryEmbeddings {

    private HistoryEmbeddings() {}

    static float[][] of(OutcomeTable table, Path questionsFile, Path cache) {
        if (!Files.isRegularFile(questionsFile)) {
            throw new IllegalArgumentException("--evidence all needs the questions' texts: " + questionsFile
                    + " not found (pass --questions FILE.jsonl)");
        }
        Map<String, Question> byId = new HashMap<>();
        for (Question question : QuestionReader.read(questionsFile)) {
            byId.put(question.id(), question);
        }
        List<Question> rows = table.questionIds().stream()
                .map(id -> {
                    Question question = byId.get(id);
                    if (question == null) {
                        throw new IllegalArgumentException(
                                "question " + id + " of the outcomes is not in " + questionsFile);
                    }
                    return question;
                })
                .toList();
        return new QuestionEmbedder(
                        InferenceSettings.defaults(),
                        cache == null ? EmbeddingCache.inUserCache() : new EmbeddingCache(cache))
                .embed(rows, done -> {})
                .rows();
    }
}
