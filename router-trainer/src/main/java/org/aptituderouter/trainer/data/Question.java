package org.aptituderouter.trainer.data;

import java.util.List;

/** One MMLU-Pro question as read from {@code questions.jsonl}; {@code src} names its original source. */
public record Question(String id, String question, List<String> options, String answer, String category, String src) {

    public Question {
        options = List.copyOf(options);
    }
}
