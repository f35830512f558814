package org.aptituderouter.loadtest.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.aptituderouter.schemas.avro.InstructionEvent;
import org.junit.jupiter.api.Test;

class OpenLoopGeneratorTest {

    private static final long MS = 1_000_000;

    /** Records what it is given; costs the virtual clock whatever delay the test chose for each send. */
    private static final class SlowSink implements InstructionSink {
        final VirtualClock clock;
        final Map<Integer, Long> delays;
        final List<InstructionEvent> events = new ArrayList<>();
        final List<Long> intendedMicros = new ArrayList<>();
        final List<Long> startedAt = new ArrayList<>();

        SlowSink(VirtualClock clock, Map<Integer, Long> delays) {
            this.clock = clock;
            this.delays = delays;
        }

        @Override
        public void send(InstructionEvent event, long intended, Consumer<Exception> completion) {
            startedAt.add(clock.nanoTime());
            clock.advance(delays.getOrDefault(events.size(), 0L));
            events.add(event);
            intendedMicros.add(intended);
            completion.accept(events.size() % 5 == 0 ? new IllegalStateException("rejected") : null);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }

    @Test
    void intendedTimesFollowTheScheduleHoweverLongSendsTake() throws InterruptedException {
        VirtualClock clock = new VirtualClock();
        // the third send (due at 200 ms) blocks for 250 ms: five intervals of 50 ms (20/s) pass during it
        SlowSink sink = new SlowSink(clock, Map.of(2, 250 * MS));
        OpenLoopGenerator generator = new OpenLoopGenerator(clock, sink, List.of("a", "b", "c"), Duration.ofMillis(10));
        SendSchedule schedule = new SendSchedule(100 * MS, 20, 10);

        List<Long> acknowledged = new ArrayList<>();
        GeneratorResult result = generator.run("run", schedule, acknowledged::add, done -> {});

        for (int i = 0; i < 10; i++) {
            long intended = schedule.intendedNanos(i);
            assertThat(sink.intendedMicros.get(i)).isEqualTo(clock.epochMicros(intended));
            assertThat(sink.events.get(i).getSubmittedAt().toEpochMilli())
                    .isEqualTo(clock.epochMicros(intended) / 1_000);
            assertThat(sink.events.get(i).getId()).isEqualTo("run-" + i);
        }
        // sends 3..7 fell due during the stall and start together when it ends, 200, 150, 100, 50 and 0 ms late;
        // late means more than one interval (50 ms) late: 3, 4 and 5
        assertThat(sink.startedAt.subList(3, 8)).containsOnly(450 * MS);
        assertThat(sink.startedAt.get(8)).isEqualTo(schedule.intendedNanos(8));
        assertThat(result.lateSends()).isEqualTo(3);
        assertThat(result.maxLagMs()).isEqualTo(200.0);
        assertThat(result.fellBehind()).isTrue();
        assertThat(result.scheduled()).isEqualTo(10);
        assertThat(result.acknowledged()).isEqualTo(8);
        assertThat(result.failed()).isEqualTo(2);
        assertThat(acknowledged).containsExactly(0L, 1L, 2L, 3L, 5L, 6L, 7L, 8L);
    }

    @Test
    void aGeneratorThatKeepsUpIsNotBehind() throws InterruptedException {
        VirtualClock clock = new VirtualClock();
        SlowSink sink = new SlowSink(clock, Map.of(1, 3 * MS));
        OpenLoopGenerator generator = new OpenLoopGenerator(clock, sink, List.of("a"), Duration.ofMillis(10));

        GeneratorResult result = generator.run("run", new SendSchedule(0, 100, 50), s -> {}, done -> {});

        assertThat(result.lateSends()).isZero();
        assertThat(result.fellBehind()).isFalse();
        assertThat(result.sendRate()).isCloseTo(100.0, offset(0.01));
        assertThat(sink.events).extracting(InstructionEvent::getText).containsOnly("a");
    }
}
