package org.aptituderouter.loadtest.chaos;

import java.util.List;
import org.aptituderouter.loadtest.report.BenchEnvironment;

/**
 * The outcome of a chaos run: the faults, what was sent and where it came out, and every way the run failed its goal
 * (none: the run passed).
 *
 * @param capabilityRecordsSent     invalid capability records published (tombstones for unknown models not included)
 * @param capabilityRecordsRejected of those, the ones whose model never appeared in any instance's zoo and got no topic
 * @param capabilityTombstones      tombstones published for models that never existed
 * @param invalidCapabilityMetric   {@code router_capabilities_invalid_total} of the surviving instance at the end
 * @param unexpectedExits           router processes found gone without having been killed
 * @param streamThreadFailures      {@code router_stream_thread_failures_total} of the surviving instance at the end
 * @param outcomesSent              graded outcomes the broker acknowledged (one per routed good instruction)
 * @param outcomesCounted           outcomes counted in the surviving instance's live evidence at the end
 * @param outcomesCorrected         outcomes the surviving instance's corrections learned from at the end
 */
public record ChaosReport(
        ChaosPlan plan,
        BenchEnvironment environment,
        double durationSeconds,
        int instances,
        List<ChaosEvent> events,
        ChaosLedger.Counts counts,
        long sendFailures,
        long capabilityRecordsSent,
        long capabilityRecordsRejected,
        long capabilityTombstones,
        double invalidCapabilityMetric,
        int unexpectedExits,
        double streamThreadFailures,
        long outcomesSent,
        long outcomesCounted,
        long outcomesCorrected,
        List<String> failures) {

    public boolean passed() {
        return failures.isEmpty();
    }

    public long kills() {
        return events.stream()
                .filter(e -> !e.kind().equals(ChaosEvent.BROKER_RESTART))
                .count();
    }

    public long brokerRestarts() {
        return events.stream()
                .filter(e -> e.kind().equals(ChaosEvent.BROKER_RESTART))
                .count();
    }

    public long killsWithInstructionsInFlight() {
        return events.stream()
                .filter(e -> !e.kind().equals(ChaosEvent.BROKER_RESTART) && e.inFlight() > 0)
                .count();
    }

    /** Median recovery of the events of this kind (-1 when there are none, or one did not recover). */
    public double recoveryP50(String kind) {
        double[] r = recoveries(kind);
        if (r.length == 0 || r[0] < 0) {
            return -1;
        }
        return r.length % 2 == 1 ? r[r.length / 2] : (r[r.length / 2 - 1] + r[r.length / 2]) / 2;
    }

    public double recoveryMax(String kind) {
        double[] r = recoveries(kind);
        if (r.length == 0 || r[0] < 0) {
            return -1;
        }
        return r[r.length - 1];
    }

    private double[] recoveries(String kind) {
        return events.stream()
                .filter(e -> e.kind().equals(kind))
                .mapToDouble(ChaosEvent::recoverySeconds)
                .sorted()
                .toArray();
    }
}
