package org.aptituderouter.app.support;

import java.util.ArrayList;
import java.util.List;
import org.aptituderouter.schemas.avro.InstructionEvent;

/** Varied instruction texts for the tests, written for this project. */
public final class TestInstructions {

    private static final List<String> TEXTS = List.of(
            "Solve for x: 3x + 7 = 22.\nA. 3\nB. 5\nC. 7\nD. 15",
            "Which court doctrine lets a higher court's earlier ruling bind lower courts?\nA. Stare decisis\nB. Res judicata\nC. Mens rea\nD. Habeas corpus",
            "Which molecule carries amino acids to the ribosome during translation?\nA. mRNA\nB. tRNA\nC. rRNA\nD. DNA polymerase",
            "What does a hash map lookup cost on average?\nA. O(1)\nB. O(log n)\nC. O(n)\nD. O(n log n)",
            "In which year did the Berlin Wall fall?\nA. 1985\nB. 1989\nC. 1991\nD. 1993",
            "What is the pH of a 0.01 M solution of hydrochloric acid?\nA. 1\nB. 2\nC. 7\nD. 12",
            "What happens to the equilibrium quantity when a price ceiling is set below the market price?\nA. It rises\nB. It falls\nC. It is unchanged\nD. It doubles",
            "Which law states that current through a conductor is proportional to the voltage across it?\nA. Ohm's law\nB. Hooke's law\nC. Boyle's law\nD. Snell's law");

    private TestInstructions() {}

    /** {@code count} instructions with ids {@code <prefix>-0 ...}, cycling through the texts. */
    public static List<InstructionEvent> batch(String prefix, int count) {
        List<InstructionEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            events.add(Traffic.instruction(prefix + "-" + i, TEXTS.get(i % TEXTS.size())));
        }
        return events;
    }
}
