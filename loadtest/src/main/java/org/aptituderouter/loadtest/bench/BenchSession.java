package org.aptituderouter.loadtest.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.aptituderouter.loadtest.clock.BenchClock;
import org.aptituderouter.loadtest.collector.EndToEndCollector;
import org.aptituderouter.loadtest.collector.RunRegistry;
import org.aptituderouter.loadtest.generator.KafkaInstructionSink;
import org.aptituderouter.loadtest.generator.OpenLoopGenerator;

/**
 * The load-test clients wired to one running router: generator, collector (started before the first send) and
 * capability publisher, on the application's own topics, serdes and client settings.
 */
public final class BenchSession implements AutoCloseable {

    private final EndToEndCollector collector;
    private final KafkaInstructionSink sink;
    private final CapabilityPublisher publisher;
    private final StepRunner steps;
    private final BenchClock clock;
    private final Map<String, Object> clientConfig;

    public BenchSession(
            RouterUnderTest app, List<String> texts, BenchClock clock, String sessionId, Duration drainTimeout) {
        this.clock = clock;
        this.clientConfig = app.clientConfig();
        RunRegistry runs = new RunRegistry();
        this.collector = new EndToEndCollector(
                        app.clientConfig(),
                        app.routedTopicPrefix(),
                        app.topics().decisions().name(),
                        app.topics().decisions().valueSerde().deserializer(),
                        runs,
                        clock)
                .start();
        this.sink = new KafkaInstructionSink(
                app.clientConfig(),
                app.topics().instructions().name(),
                app.topics().instructions().valueSerde().serializer());
        this.publisher =
                new CapabilityPublisher(app.clientConfig(), app.topics().capabilities());
        OpenLoopGenerator generator = new OpenLoopGenerator(clock, sink, texts, OpenLoopGenerator.DEFAULT_LATENESS);
        this.steps = new StepRunner(clock, generator, runs, collector, sessionId, drainTimeout);
    }

    public StepRunner steps() {
        return steps;
    }

    public OnboardingProbe onboarding() {
        return new OnboardingProbe(steps, collector, publisher, clock);
    }

    public SpilloverProbe spillover() {
        return new SpilloverProbe(steps, publisher, clientConfig, clock);
    }

    @Override
    public void close() {
        try (collector;
                sink;
                publisher) {
            // try-with-resources closes all three, in reverse order, even when one of them fails
        }
    }
}
