package org.aptituderouter.trainer.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The online evaluation's arrival order: seeded, a permutation of the fold's rows, and nested across stages. */
class FirstArrivalsTest {

    private static final int[] ROWS = IntStream.range(100, 400).toArray();

    @Test
    void aSeedGivesOneOrderAndLaterStagesExtendEarlierOnes() {
        int[] first100 = Evaluation.firstArrivals(ROWS, 100, 7);
        int[] first200 = Evaluation.firstArrivals(ROWS, 200, 7);

        assertThat(first100).hasSize(100).doesNotHaveDuplicates();
        assertThat(Arrays.copyOf(first200, 100))
                .as("the first 100 of 200 are the first 100")
                .containsExactly(first100);
        assertThat(Evaluation.firstArrivals(ROWS, 100, 7)).containsExactly(first100);
        assertThat(Evaluation.firstArrivals(ROWS, 100, 8)).isNotEqualTo(first100);
        assertThat(first100).isNotEqualTo(Arrays.copyOf(ROWS, 100)); // shuffled, not the file's order
    }

    @Test
    void moreOutcomesThanRowsGiveEveryRow() {
        assertThat(Evaluation.firstArrivals(ROWS, 5000, 1)).hasSize(ROWS.length).containsExactlyInAnyOrder(ROWS);
    }
}
