package org.aptituderouter.core;

import java.util.List;

/** The one rendering of a multiple-choice question as instruction text, shared by training and routing. */
public final class InstructionText {

    private InstructionText() {}

    /**
     * The question, then one line per option labelled A., B., ...:
     * <pre>What is 2+2?
     * A. 3
     * B. 4</pre>
     * With no options, the question alone.
     */
    public static String of(String question, List<String> options) {
        if (options.size() > 26) {
            throw new IllegalArgumentException("at most 26 options can be lettered, got " + options.size());
        }
        StringBuilder text = new StringBuilder(question);
        for (int i = 0; i < options.size(); i++) {
            text.append('\n').append((char) ('A' + i)).append(". ").append(options.get(i));
        }
        return text.toString();
    }
}
