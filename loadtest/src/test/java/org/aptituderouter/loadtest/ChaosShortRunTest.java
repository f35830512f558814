package org.aptituderouter.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.aptituderouter.loadtest.chaos.ChaosEvent;
import org.aptituderouter.loadtest.chaos.ChaosPlan;
import org.aptituderouter.loadtest.chaos.ChaosReport;
import org.aptituderouter.loadtest.chaos.ChaosReportWriter;
import org.aptituderouter.loadtest.chaos.ChaosScenario;
import org.junit.jupiter.api.Test;

/**
 * CI's short form of {@code bin/router chaos}: a broker, a registry and the router in processes of their own; three
 * SIGKILLs of the router with restarts, one broker restart, a second instance killed for good, the first replaced by
 * a new instance on empty state, poison of every kind.
 * Nothing may be lost, duplicated or misfiled, and the router must come back every time. Takes about two minutes.
 */
class ChaosShortRunTest {

    @Test
    void theRouterKeepsItsPromisesThroughKillsAndABrokerRestart() throws Exception {
        Path report = Path.of("target", "chaos-short");
        List<String> texts = TextSource.resolve(null, null).read(300);

        ChaosReport run = new ChaosScenario(ChaosPlan.shortForm(), report.resolve("work"), texts, System.out).run();
        ChaosReportWriter.writeJson(run, report.resolve("chaos.json"));
        ChaosReportWriter.writeMarkdown(run, report.resolve("chaos.md"));

        assertThat(run.failures())
                .as("see " + report.resolve("chaos.md").toAbsolutePath())
                .isEmpty();
        assertThat(run.kills()).isEqualTo(5);
        assertThat(run.brokerRestarts()).isEqualTo(1);
        assertThat(run.events())
                .allSatisfy(event -> assertThat(event.recovered()).isTrue());
        assertThat(run.events())
                .extracting(ChaosEvent::kind)
                .contains(ChaosEvent.KILL_TAKEOVER, ChaosEvent.REPLACED_ON_EMPTY_STATE);
        assertThat(run.counts().sent()).isGreaterThan(500);
        assertThat(run.counts().missing()).isZero();
        assertThat(run.counts().duplicates()).isZero();
        assertThat(run.counts().poisonSent()).isGreaterThan(50);
        assertThat(run.counts().poisonDeadLettered()).isEqualTo(run.counts().poisonSent());
        assertThat(run.counts().poisonByKind()).hasSize(11);
        assertThat(run.capabilityRecordsRejected())
                .isEqualTo(run.capabilityRecordsSent())
                .isGreaterThanOrEqualTo(4);
        assertThat(run.unexpectedExits()).isZero();
        assertThat(run.outcomesSent()).isGreaterThan(400);
        assertThat(run.outcomesCounted())
                .as("every graded outcome counted once")
                .isEqualTo(run.outcomesSent());
    }
}
