package org.aptituderouter.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aptituderouter.core.bundle.RouterBundle;
import org.junit.jupiter.api.Test;

/**
 * {@code bin/router demo} as a newcomer sees it, on its own in-process broker and registry: one screen, several
 * models chosen, a cost saving line, the newcomer taking traffic and both kinds of bad input dead-lettered.
 */
class DemoCommandTest {

    private static final Pattern TO_NEWCOMER =
            Pattern.compile("(\\d+) of (\\d+) went to " + Pattern.quote(DemoCommand.NEWCOMER));
    private static final Pattern CHOICE = Pattern.compile("-> (\\S+) \\(p (\\d\\.\\d\\d)\\)");

    @Test
    void tellsTheWholeStoryOnOneScreen() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int status = DemoCommand.run(new String[0], new PrintStream(printed, true, StandardCharsets.UTF_8));
        String output = printed.toString(StandardCharsets.UTF_8);
        List<String> lines = output.lines().toList();

        assertThat(status).as(output).isZero();
        assertThat(lines).as("fits one screen").hasSizeLessThanOrEqualTo(60);
        Set<String> chosen = new TreeSet<>();
        Matcher choice = CHOICE.matcher(output);
        while (choice.find()) {
            chosen.add(choice.group(1));
            assertThat(Double.parseDouble(choice.group(2))).isBetween(0.0, 1.0);
        }
        assertThat(chosen).as("models chosen").hasSizeGreaterThanOrEqualTo(3);
        assertThat(chosen)
                .allSatisfy(model -> assertThat(model.equals(DemoCommand.NEWCOMER)
                                || RouterBundle.bundled().zoo().stream()
                                        .anyMatch(c -> c.modelId().equals(model)))
                        .as(model + " is a known model")
                        .isTrue());
        Matcher toNewcomer = TO_NEWCOMER.matcher(output);
        assertThat(toNewcomer.find()).as("the onboarding line").isTrue();
        assertThat(Integer.parseInt(toNewcomer.group(1)))
                .as("instructions to the newcomer")
                .isPositive();
        String costSummary = lines.stream()
                .filter(line -> line.contains("saves"))
                .findFirst()
                .orElse("");
        assertThat(costSummary)
                .as("a cost saving line")
                .matches(".*mean cost [0-9.]+ \\(.* alone: [0-9.]+\\): " + "saves \\d+%");
        assertThat(output)
                .contains("quality:", "cost:")
                .contains("DESERIALIZATION_FAILED", "EMPTY_TEXT")
                .contains("Done.");
    }
}
