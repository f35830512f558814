package org.aptituderouter.loadtest.collector;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeliveryLedgerTest {

    @Test
    void countsMissingDuplicatesAndUnexpectedSeparately() {
        DeliveryLedger ledger = new DeliveryLedger();
        for (long i = 0; i < 10; i++) {
            ledger.markSent(i);
        }
        for (long i = 0; i < 8; i++) {
            ledger.markArrived(i);
        }
        ledger.markArrived(3);
        ledger.markArrived(3);
        ledger.markArrived(12);

        // 8 and 9 lost, 3 delivered three times, 12 never acknowledged: totals alone (11 arrivals for 10 sends)
        // would hide all of it
        assertThat(ledger.counts()).isEqualTo(new DeliveryCounts(10, 8, 2, 2, 1));
        assertThat(ledger.complete()).isFalse();
        assertThat(ledger.counts().exactlyOnce()).isFalse();
    }

    @Test
    void completeOnceEveryAcknowledgedSendArrived() {
        DeliveryLedger ledger = new DeliveryLedger();
        ledger.markSent(0);
        ledger.markSent(1);
        assertThat(ledger.markArrived(1)).isTrue();
        assertThat(ledger.complete()).isFalse();
        assertThat(ledger.markArrived(0)).isTrue();

        assertThat(ledger.complete()).isTrue();
        assertThat(ledger.counts()).isEqualTo(new DeliveryCounts(2, 2, 0, 0, 0));
        assertThat(ledger.counts().exactlyOnce()).isTrue();
    }
}
