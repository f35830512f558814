package org.aptituderouter.loadtest.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SendScheduleTest {

    @Test
    void intendedTimesAreStartPlusSequenceOverRate() {
        SendSchedule schedule = new SendSchedule(1_000, 200, 5);

        assertThat(schedule.intendedNanos(0)).isEqualTo(1_000);
        assertThat(schedule.intendedNanos(1)).isEqualTo(1_000 + 5_000_000);
        assertThat(schedule.intendedNanos(4)).isEqualTo(1_000 + 20_000_000);
        assertThat(schedule.endNanos()).isEqualTo(1_000 + 25_000_000);
    }

    @Test
    void fractionalIntervalsDoNotAccumulateRoundingDrift() {
        SendSchedule schedule = new SendSchedule(0, 3, 3_001);

        // 1/3 s does not divide into whole nanoseconds; time i is computed from i, not by adding intervals
        assertThat(schedule.intendedNanos(3_000)).isEqualTo(1_000_000_000_000L);
    }

    @Test
    void aDurationBecomesACountAtTheRate() {
        assertThat(SendSchedule.forDuration(0, 50, Duration.ofSeconds(4)).count())
                .isEqualTo(200);
        assertThat(SendSchedule.forDuration(0, 0.1, Duration.ofSeconds(1)).count())
                .isEqualTo(1);
    }

    @Test
    void refusesRatesThatAreNotPositive() {
        assertThatThrownBy(() -> new SendSchedule(0, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SendSchedule(0, Double.NaN, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
