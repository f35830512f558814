package org.aptituderouter.app.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class PendingInstructionSerdeTest {

    private final PendingInstructionSerde serde = new PendingInstructionSerde();

    @Test
    void keepsEveryFieldIncludingNullKeysRepeatedHeadersAndNullHeaderValues() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("trace", "a".getBytes());
        headers.add("trace", "b".getBytes());
        headers.add("empty", null);
        PendingInstruction pending =
                new PendingInstruction(null, new byte[] {0, 1, 2}, headers, 123L, "instructions", 2, 99L, 456L);

        PendingInstruction back =
                serde.deserializer().deserialize("t", serde.serializer().serialize("t", pending));

        assertThat(back.key()).isNull();
        assertThat(back.value()).containsExactly(0, 1, 2);
        assertThat(back.headers().toArray()).hasSize(3);
        assertThat(back.headers().headers("trace"))
                .extracting(h -> new String(h.value()))
                .containsExactly("a", "b");
        assertThat(back.headers().lastHeader("empty").value()).isNull();
        assertThat(back)
                .extracting(
                        PendingInstruction::timestamp,
                        PendingInstruction::sourceTopic,
                        PendingInstruction::sourcePartition,
                        PendingInstruction::sourceOffset,
                        PendingInstruction::enqueuedAtMs)
                .containsExactly(123L, "instructions", 2, 99L, 456L);
    }

    @Test
    void refusesAFormatItDoesNotKnow() {
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", new byte[] {9, 0, 0}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("format 9");
    }
}
