package org.aptituderouter.app.capability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.aptituderouter.app.metrics.RouterMetrics;
import org.aptituderouter.core.bundle.RouterBundle;
import org.aptituderouter.core.capability.Candidate;
import org.aptituderouter.core.capability.ModelStatus;
import org.aptituderouter.schemas.avro.ModelCapability;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The global-store processor with a routed topic that cannot be created (a missing ACL, an unreachable cluster):
 * the record must not stop the global thread, the model must not become routable before its topic exists, and it
 * must become routable once a retry succeeds. Attempts are queued and run by hand; the serde is a lookup table.
 */
class CapabilityUpdateProcessorTest {

    private static final String STORE = "capabilities-store";
    private static final Candidate MODEL = RouterBundle.bundled().zoo().get(0);

    private final Map<String, ModelCapability> records = new HashMap<>();
    private final Deserializer<ModelCapability> deserializer = (topic, bytes) -> records.get(new String(bytes));
    private final AtomicBoolean topicsWork = new AtomicBoolean(false);
    private final List<Runnable> queued = new ArrayList<>();
    private final List<Duration> delays = new ArrayList<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private LiveCapabilities live;
    private ModelOnboarding onboarding;
    private CapabilityUpdateProcessor processor;

    @BeforeEach
    void start() {
        live = new LiveCapabilities(RouterBundle.bundled().aptitudeTest());
        RouterMetrics metrics = new RouterMetrics(meters, live);
        RoutedTopics topics = modelIds -> {
            if (!topicsWork.get()) {
                throw new IllegalStateException("TopicAuthorizationException: not authorized to create topic");
            }
        };
        onboarding = new ModelOnboarding(
                live,
                topics,
                metrics,
                (attempt, delay) -> {
                    queued.add(attempt);
                    delays.add(delay);
                },
                () -> {});
        MockProcessorContext<Void, Void> context = new MockProcessorContext<>();
        KeyValueStore<String, byte[]> store = Stores.keyValueStoreBuilder(
                        Stores.inMemoryKeyValueStore(STORE), Serdes.String(), Serdes.ByteArray())
                .withLoggingDisabled()
                .build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
        processor = new CapabilityUpdateProcessor(STORE, "model-capabilities", deserializer, live, onboarding, metrics);
        processor.init(context);
        records.put("m", CapabilityRecords.toRecord(MODEL));
    }

    @Test
    void aTopicThatCannotBeCreatedNeitherStopsTheThreadNorMakesTheModelRoutable() {
        assertThatCode(() -> processor.process(new Record<>(MODEL.modelId(), "m".getBytes(), 0L)))
                .doesNotThrowAnyException();
        assertThat(live.current().contains(MODEL.modelId()))
                .as("published, not yet routable")
                .isFalse();

        runQueued(); // first attempt: refused
        runQueued(); // first retry: refused
        assertThat(meters.get("router.topics.provisioning.failures").counter().count())
                .isEqualTo(2);
        assertThat(delays).containsExactly(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(live.current().contains(MODEL.modelId())).isFalse();
        assertThat(onboarding.waiting()).containsExactly(MODEL.modelId());

        topicsWork.set(true);
        runQueued();
        assertThat(live.current().contains(MODEL.modelId()))
                .as("routable once its topic exists")
                .isTrue();
        assertThat(onboarding.waiting()).isEmpty();
    }

    @Test
    void aTombstoneCancelsAModelStillWaitingForItsTopic() {
        processor.process(new Record<>(MODEL.modelId(), "m".getBytes(), 0L));
        processor.process(new Record<>(MODEL.modelId(), (byte[]) null, 1L));
        topicsWork.set(true);
        runQueued();
        assertThat(live.current().contains(MODEL.modelId())).isFalse();
        assertThat(queued).isEmpty();
    }

    @Test
    void aKnownTopicMakesTheLatestRecordRoutableAtOnce() {
        topicsWork.set(true);
        processor.process(new Record<>(MODEL.modelId(), "m".getBytes(), 0L));
        runQueued();
        Candidate draining = MODEL.withStatus(ModelStatus.DRAINING);
        records.put("d", CapabilityRecords.toRecord(draining));
        processor.process(new Record<>(MODEL.modelId(), "d".getBytes(), 2L));
        assertThat(queued).as("no second round trip").isEmpty();
        assertThat(live.current().find(MODEL.modelId()).orElseThrow().routable())
                .isFalse();
    }

    private void runQueued() {
        Runnable next = queued.remove(0);
        next.run();
    }
}
