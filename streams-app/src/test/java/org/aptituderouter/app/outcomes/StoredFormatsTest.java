package org.aptituderouter.app.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.aptituderouter.core.aptitude.OutcomeCorrection;
import org.aptituderouter.schemas.avro.ModelEvidence;
import org.junit.jupiter.api.Test;

/**
 * The closed loop's stores and repartition topic outlive a deployment: what this version writes reads back whole, and
 * what the version before wrote (no instruction text, no correction) still reads.
 */
class StoredFormatsTest {

    private static final float[] EMBEDDING = {0.6f, 0.8f};

    @Test
    void aDecisionIndexEntryKeepsTheInstructionText() {
        DecisionIndex entry = new DecisionIndex(3, "big", "", 7, List.of("big"), "Wie spät ist es? \u2013 long text");
        assertThat(DecisionIndex.fromBytes(entry.toBytes())).isEqualTo(entry);
    }

    @Test
    void aDecisionIndexEntryOfTheEarlierFormatReadsWithoutText() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(1);
            out.writeInt(3);
            out.writeUTF("big");
            out.writeUTF("small");
            out.writeLong(7);
            out.writeInt(1);
            out.writeUTF("big");
        }
        DecisionIndex entry = DecisionIndex.fromBytes(bytes.toByteArray());
        assertThat(entry).isEqualTo(new DecisionIndex(3, "big", "small", 7, List.of("big"), ""));
    }

    @Test
    void aGradedOutcomeCarriesItsTextAndTheEarlierFormatStillReads() {
        Serde<GradedOutcome> serde = GradedOutcome.serde();
        GradedOutcome graded = new GradedOutcome("id-\u00e9", 4, true, "What is 2 + 2?");
        byte[] bytes = serde.serializer().serialize("t", graded);
        assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(graded);

        byte[] id = "old-id".getBytes(StandardCharsets.UTF_8);
        byte[] earlier = ByteBuffer.allocate(5 + id.length)
                .putInt(2)
                .put((byte) 1)
                .put(id)
                .array();
        assertThat(serde.deserializer().deserialize("t", earlier)).isEqualTo(new GradedOutcome("old-id", 2, true, ""));
    }

    @Test
    void theVersionBeforeReadsWhatThisOneWrites() throws IOException {
        // its DecisionIndex.fromBytes: format 1, the fields it knew, nothing more read
        DecisionIndex entry = new DecisionIndex(3, "big", "small", 7, List.of("big"), "a text to learn from");
        try (java.io.DataInputStream in =
                new java.io.DataInputStream(new java.io.ByteArrayInputStream(entry.toBytes()))) {
            assertThat(in.readByte()).isEqualTo((byte) 1);
            assertThat(in.readInt()).isEqualTo(3);
            assertThat(in.readUTF()).isEqualTo("big");
            assertThat(in.readUTF()).isEqualTo("small");
            assertThat(in.readLong()).isEqualTo(7);
            assertThat(in.readInt()).isEqualTo(1);
            assertThat(in.readUTF()).isEqualTo("big");
        }
        // its GradedOutcome deserializer: task, then correct when the byte is 1 (the id it read was never used)
        for (boolean correct : new boolean[] {true, false}) {
            byte[] bytes = GradedOutcome.serde()
                    .serializer()
                    .serialize("t", new GradedOutcome("id-1", 4, correct, "What is 2 + 2?"));
            ByteBuffer in = ByteBuffer.wrap(bytes);
            assertThat(in.getInt()).isEqualTo(4);
            assertThat(in.get() == 1).isEqualTo(correct);
        }
        // its LiveEvidence.fromBytes: test id, counts, outcome count, from the front
        LiveEvidence evidence =
                LiveEvidence.none("test-a", 2).plus(1, true).learned("router-v1", EMBEDDING, 0.4f, true);
        ByteBuffer in = ByteBuffer.wrap(evidence.toBytes());
        byte[] test = new byte[in.getInt()];
        in.get(test);
        assertThat(new String(test, StandardCharsets.UTF_8)).isEqualTo("test-a");
        assertThat(in.getInt()).isEqualTo(2);
        assertThat(List.of(in.getInt(), in.getInt(), in.getInt(), in.getInt())).containsExactly(0, 0, 1, 1);
        assertThat(in.getLong()).isEqualTo(1);
    }

    @Test
    void liveEvidenceWithItsCorrectionSurvivesTheStoreAndTheTopic() {
        LiveEvidence evidence = LiveEvidence.none("test-a", 2)
                .plus(1, true)
                .learned("router-v1", EMBEDDING, 0.4f, true)
                .plus(0, false)
                .learned("router-v1", EMBEDDING, 0.4f, false);
        assertThat(evidence.correction().outcomes()).isEqualTo(2);

        LiveEvidence stored = LiveEvidence.fromBytes(evidence.toBytes());
        assertSame(stored, evidence);
        ModelEvidence record = evidence.toRecord("big", 1_000);
        assertSame(LiveEvidence.fromRecord(record), evidence);
    }

    @Test
    void aCorrectionTaughtToAnotherRouterStartsAgain() {
        LiveEvidence old = LiveEvidence.none("test-a", 2).learned("router-v1", EMBEDDING, 0.4f, true);
        LiveEvidence now = old.learned("router-v2", EMBEDDING, 0.4f, true);
        assertThat(now.routerVersion()).isEqualTo("router-v2");
        assertThat(now.correction().outcomes()).isEqualTo(1);
    }

    @Test
    void liveEvidenceOfTheEarlierFormatReadsWithoutCorrection() {
        byte[] test = "test-a".getBytes(StandardCharsets.UTF_8);
        byte[] earlier = ByteBuffer.allocate(4 + test.length + 4 + 16 + 8)
                .putInt(test.length)
                .put(test)
                .putInt(2)
                .putInt(5)
                .putInt(4)
                .putInt(1)
                .putInt(0)
                .putLong(6)
                .array();
        LiveEvidence evidence = LiveEvidence.fromBytes(earlier);
        assertThat(evidence.answered()).containsExactly(5, 1);
        assertThat(evidence.correct()).containsExactly(4, 0);
        assertThat(evidence.outcomes()).isEqualTo(6);
        assertThat(evidence.correction()).isNull();
        assertThat(LiveEvidence.fromBytes(evidence.toBytes()).correction()).isNull();
    }

    private static void assertSame(LiveEvidence actual, LiveEvidence expected) {
        assertThat(actual.aptitudeTestId()).isEqualTo(expected.aptitudeTestId());
        assertThat(actual.answered()).isEqualTo(expected.answered());
        assertThat(actual.correct()).isEqualTo(expected.correct());
        assertThat(actual.outcomes()).isEqualTo(expected.outcomes());
        assertThat(actual.routerVersion()).isEqualTo(expected.routerVersion());
        OutcomeCorrection a = actual.correction();
        OutcomeCorrection e = expected.correction();
        assertThat(a.mean()).containsExactly(e.mean());
        assertThat(a.variance()).containsExactly(e.variance());
        assertThat(a.outcomes()).isEqualTo(e.outcomes());
    }
}
