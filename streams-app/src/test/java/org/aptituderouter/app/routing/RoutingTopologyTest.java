package org.aptituderouter.app.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.test.TestRecord;
import org.aptituderouter.app.capability.CapabilityRecords;
import org.aptituderouter.app.support.TopologyFixture;
import org.aptituderouter.app.support.Traffic;
import org.aptituderouter.core.bundle.RouterBundle;
import org.aptituderouter.core.capability.Candidate;
import org.aptituderouter.schemas.avro.DeadLetter;
import org.aptituderouter.schemas.avro.DeadLetterReason;
import org.aptituderouter.schemas.avro.InstructionEvent;
import org.aptituderouter.schemas.avro.RoutingConstraints;
import org.aptituderouter.schemas.avro.RoutingDecision;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The topology in a TopologyTestDriver with the real router: when batches flush (size in process(), deadline by
 * the wall-clock punctuator), what reaches each output, and how the capability set follows its topic.
 */
class RoutingTopologyTest {

    private static final List<Candidate> ZOO = RouterBundle.bundled().zoo();

    private TopologyFixture fixture;

    @AfterEach
    void close() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private TopologyFixture start(int maxSize, Duration maxWait, boolean withZoo) throws Exception {
        fixture = new TopologyFixture(maxSize, maxWait);
        if (withZoo) {
            ZOO.forEach(c -> fixture.capabilities.pipeInput(c.modelId(), CapabilityRecords.toRecord(c)));
        }
        return fixture;
    }

    @Test
    void aFullBatchIsRoutedInOneCallAndLeavesTheStore() throws Exception {
        TopologyFixture f = start(3, Duration.ofHours(1), true);

        f.send(Traffic.instruction("a", "Solve 2x = 10.\nA. 2\nB. 5"));
        f.send(Traffic.instruction("b", "Who painted the Mona Lisa?\nA. Leonardo\nB. Raphael"));
        assertThat(f.decisions.isEmpty()).isTrue();
        assertThat(f.storedCount()).isEqualTo(2);

        f.send(Traffic.instruction("c", "What is the chemical symbol of gold?\nA. Au\nB. Ag"));

        List<TestRecord<String, RoutingDecision>> decisions = f.decisions.readRecordsToList();
        assertThat(decisions).extracting(TestRecord::key).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(f.storedCount()).isZero();
        var batchSize = f.meters.find("router.batch.size").summary();
        assertThat(batchSize.count()).as("router calls").isEqualTo(1);
        assertThat(batchSize.totalAmount()).isEqualTo(3);
        Map<String, List<TestRecord<String, InstructionEvent>>> routedByModel = new HashMap<>();
        for (TestRecord<String, RoutingDecision> decision : decisions) {
            String model = decision.value().getModelId();
            List<TestRecord<String, InstructionEvent>> routed =
                    routedByModel.computeIfAbsent(model, m -> f.routed(m).readRecordsToList());
            assertThat(routed).anySatisfy(r -> {
                assertThat(r.key()).isEqualTo(decision.key());
                assertThat(r.value().getId()).isEqualTo(decision.key());
                assertThat(new String(
                                r.headers()
                                        .lastHeader(BatchingRouteProcessor.MODEL_HEADER)
                                        .value(),
                                StandardCharsets.UTF_8))
                        .isEqualTo(model);
            });
            assertThat(decision.value().getProbability()).isBetween(0.0, 1.0);
            assertThat(decision.value().getAlternatives()).hasSize(OutcomeRecords.ALTERNATIVES);
        }
        assertThat(routedByModel.values().stream().mapToInt(List::size).sum()).isEqualTo(3);
    }

    @Test
    void aPartialBatchLeavesWhenItsOldestRecordReachesMaxWait() throws Exception {
        TopologyFixture f = start(10, Duration.ofMillis(200), true);

        f.send(Traffic.instruction("early", "What is 7 times 8?\nA. 54\nB. 56"));
        f.driver.advanceWallClockTime(Duration.ofMillis(120));
        f.send(Traffic.instruction("late", "Which gas do plants absorb?\nA. Oxygen\nB. Carbon dioxide"));
        f.driver.advanceWallClockTime(Duration.ofMillis(60));
        assertThat(f.decisions.isEmpty()).as("nothing before the deadline").isTrue();

        f.driver.advanceWallClockTime(Duration.ofMillis(40));

        assertThat(f.decisions.readKeyValuesToMap()).containsOnlyKeys("early", "late");
        assertThat(f.storedCount()).isZero();
    }

    @Test
    void unreadableBytesAreDeadLetteredAtOnceWithTheOriginalBytesAndHeaders() throws Exception {
        TopologyFixture f = start(10, Duration.ofHours(1), true);
        byte[] garbage = {0, 0, 0, 0, 42, 1, 2, 3};

        f.rawInstructions.pipeInput(new TestRecord<>(
                "bad".getBytes(), garbage, new RecordHeaders(List.of(new RecordHeader("trace", "t-1".getBytes())))));

        TestRecord<String, DeadLetter> letter = f.deadLetters.readRecord();
        assertThat(letter.key()).isEqualTo("bad");
        assertThat(letter.value().getReason()).isEqualTo(DeadLetterReason.DESERIALIZATION_FAILED);
        assertThat(letter.value().getOriginalValue()).isEqualTo(ByteBuffer.wrap(garbage));
        assertThat(letter.value().getOriginalKey()).isEqualTo(ByteBuffer.wrap("bad".getBytes()));
        assertThat(letter.value().getOriginalHeaders())
                .singleElement()
                .satisfies(h -> assertThat(h.getKey()).isEqualTo("trace"));
        assertThat(letter.headers().lastHeader("trace").value()).isEqualTo("t-1".getBytes());
        assertThat(f.storedCount()).isZero();
        assertThat(f.counter("router.dead.letters", "reason", "DESERIALIZATION_FAILED"))
                .isEqualTo(1);
    }

    @Test
    void instructionsWaitInTheStoreUntilSomeModelIsRoutable() throws Exception {
        TopologyFixture f = start(2, Duration.ofMillis(50), false);

        f.send(Traffic.instruction("waiting-1", "Define entropy.\nA. Disorder\nB. Energy"));
        f.send(Traffic.instruction("waiting-2", "What is GDP?\nA. Output\nB. Debt"));
        f.driver.advanceWallClockTime(Duration.ofSeconds(1));
        assertThat(f.decisions.isEmpty()).isTrue();
        assertThat(f.deadLetters.isEmpty())
                .as("not dead-lettered for want of a zoo")
                .isTrue();
        assertThat(f.storedCount()).isEqualTo(2);

        Candidate first = ZOO.get(0);
        f.capabilities.pipeInput(first.modelId(), CapabilityRecords.toRecord(first));
        f.driver.advanceWallClockTime(Duration.ofMillis(50));

        assertThat(f.decisions.readValuesToList())
                .extracting(RoutingDecision::getModelId)
                .containsExactly(first.modelId(), first.modelId());
    }

    @Test
    void aModelsTopicIsEnsuredBeforeItBecomesRoutableAndATombstoneRetiresIt() throws Exception {
        TopologyFixture f = start(1, Duration.ofHours(1), true);
        Candidate target = ZOO.get(3);
        assertThat(f.ensured).contains(target.modelId() + ":new");

        f.send(onlyTo("pinned-1", target.modelId()));
        assertThat(f.decisions.readValue().getModelId()).isEqualTo(target.modelId());

        f.capabilities.pipeInput(target.modelId(), null);
        f.send(onlyTo("pinned-2", target.modelId()));

        assertThat(f.live.current().contains(target.modelId())).isFalse();
        assertThat(f.decisions.isEmpty()).isTrue();
        assertThat(f.deadLetters.readValue().getReason()).isEqualTo(DeadLetterReason.UNKNOWN_MODEL);
    }

    @Test
    void invalidCapabilityRecordsAreSkippedAndCounted() throws Exception {
        TopologyFixture f = start(1, Duration.ofHours(1), true);
        long version = f.live.current().version();
        Candidate valid = ZOO.get(0);

        f.rawCapabilities.pipeInput("broken", new byte[] {1, 2, 3});
        f.capabilities.pipeInput(
                "short",
                CapabilityRecords.toRecord(
                        new Candidate("short", valid.aptitudeTestId(), new float[] {0.5f, 0.5f}, 1.0)));
        f.capabilities.pipeInput("mismatched-key", CapabilityRecords.toRecord(valid));

        assertThat(f.live.current().version()).isEqualTo(version);
        assertThat(f.live.current().size()).isEqualTo(ZOO.size());
        assertThat(f.meters.find("router.capabilities.invalid").counter().count())
                .isEqualTo(3);
        f.send(Traffic.instruction("still-routing", "Name the largest ocean.\nA. Atlantic\nB. Pacific"));
        assertThat(f.decisions.readValue().getModelId()).isNotBlank();
    }

    @Test
    void emptyTextIsDeadLetteredAfterTheFlushAndTheRestOfTheBatchIsRouted() throws Exception {
        TopologyFixture f = start(2, Duration.ofHours(1), true);

        f.send(Traffic.instruction("blank", "   "));
        f.send(Traffic.instruction("fine", "What is the capital of Japan?\nA. Kyoto\nB. Tokyo"));

        assertThat(f.deadLetters.readValue().getReason()).isEqualTo(DeadLetterReason.EMPTY_TEXT);
        assertThat(f.decisions.readKeyValue().key).isEqualTo("fine");
    }

    private static InstructionEvent onlyTo(String id, String modelId) {
        InstructionEvent event = Traffic.instruction(id, "Explain photosynthesis briefly.");
        event.setConstraints(RoutingConstraints.newBuilder()
                .setAllowedModels(List.of(modelId))
                .build());
        return event;
    }
}
