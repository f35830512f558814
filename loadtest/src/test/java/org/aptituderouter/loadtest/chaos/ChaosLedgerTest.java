package org.aptituderouter.loadtest.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import org.aptituderouter.schemas.avro.DeadLetterReason;
import org.junit.jupiter.api.Test;

class ChaosLedgerTest {

    @Test
    void countsEachRecordWhereItCameOutAndOnlyAcknowledgedSends() {
        ChaosLedger ledger = new ChaosLedger();
        for (long s = 0; s < 4; s++) {
            ledger.goodSent(s, s);
        }
        ledger.goodAcknowledged(0, 0);
        ledger.goodAcknowledged(1, 1);
        ledger.goodAcknowledged(2, 2);
        // 3 was never acknowledged: not sent, not missing
        ledger.goodRouted(0, 10);
        ledger.goodRouted(0, 11);
        ledger.goodDeadLettered(1);
        ledger.poisonSent("a", PoisonKind.EMPTY_TEXT);
        ledger.poisonSent("b", PoisonKind.RANDOM_BYTES);
        ledger.poisonSent("c", PoisonKind.NEGATIVE_LAMBDA);
        ledger.poisonSent("d", PoisonKind.HUGE_TEXT);
        ledger.poisonAcknowledged("a");
        ledger.poisonAcknowledged("b");
        ledger.poisonAcknowledged("c");
        ledger.poisonAcknowledged("d");
        ledger.poisonDeadLettered("a", DeadLetterReason.EMPTY_TEXT);
        ledger.poisonDeadLettered("b", DeadLetterReason.INVALID_TEXT);
        ledger.poisonRouted("c");

        assertThat(ledger.settled()).isFalse();
        ChaosLedger.Counts counts = ledger.counts();
        assertThat(counts.sent()).isEqualTo(3);
        assertThat(counts.routed()).isEqualTo(1);
        assertThat(counts.missing()).isEqualTo(1);
        assertThat(counts.duplicates()).isEqualTo(1);
        assertThat(counts.goodDeadLettered()).isEqualTo(1);
        assertThat(counts.poisonSent()).isEqualTo(4);
        assertThat(counts.poisonDeadLettered()).isEqualTo(1);
        assertThat(counts.poisonMisfiled()).isEqualTo(2);
        assertThat(counts.poisonMissing()).isEqualTo(1);
        assertThat(counts.poisonByKind().get("random-bytes").misfiled()).isEqualTo(1);
    }

    @Test
    void recoveryWaitsForTheLastPartitionToRouteAnInstructionSentAfterTheFault() {
        ChaosLedger ledger = new ChaosLedger();
        long kill = 1_000_000_000L;
        send(ledger, 0, kill - 10, 0, kill + 5); // sent before the kill: does not count
        send(ledger, 1, kill + 10, 0, kill + 2_000_000_000L);
        send(ledger, 2, kill + 20, 1, kill + 3_500_000_000L);
        assertThat(ledger.recoverySeconds(kill, 2)).isEqualTo(3.5);
        assertThat(ledger.recoverySeconds(kill, 3))
                .as("partition 2 has not come back")
                .isEqualTo(-1);
    }

    private static void send(ChaosLedger ledger, long sequence, long sent, int partition, long arrived) {
        ledger.goodSent(sequence, sent);
        ledger.goodAcknowledged(sequence, partition);
        ledger.goodRouted(sequence, arrived);
    }
}
