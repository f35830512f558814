package org.aptituderouter.loadtest.chaos;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes a chaos run as {@code chaos.json} (stable snake_case names) and {@code chaos.md}. */
public final class ChaosReportWriter {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ChaosReportWriter() {}

    public static void writeJson(ChaosReport report, Path file) throws IOException {
        Files.writeString(file, JSON.writeValueAsString(fields(report)) + "\n");
    }

    static Map<String, Object> fields(ChaosReport report) {
        ChaosLedger.Counts c = report.counts();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("passed", report.passed());
        json.put("failures", report.failures());
        json.put("kills", report.kills());
        json.put("kills_with_instructions_in_flight", report.killsWithInstructionsInFlight());
        json.put("broker_restarts", report.brokerRestarts());
        json.put("instances", report.instances());
        json.put("sent", c.sent());
        json.put("routed", c.routed());
        json.put("missing", c.missing());
        json.put("duplicates", c.duplicates());
        json.put("good_dead_lettered", c.goodDeadLettered());
        json.put("send_failures", report.sendFailures());
        json.put("poison_sent", c.poisonSent());
        json.put("poison_dead_lettered", c.poisonDeadLettered());
        json.put("poison_misfiled", c.poisonMisfiled());
        json.put("poison_missing", c.poisonMissing());
        json.put("poison_by_kind", c.poisonByKind());
        json.put("capability_records_sent", report.capabilityRecordsSent());
        json.put("capability_records_rejected", report.capabilityRecordsRejected());
        json.put("capability_tombstones_for_unknown_models", report.capabilityTombstones());
        json.put("router_capabilities_invalid_total", report.invalidCapabilityMetric());
        json.put("router_unexpected_exits", report.unexpectedExits());
        json.put("outcomes_sent", report.outcomesSent());
        json.put("outcomes_counted", report.outcomesCounted());
        json.put("outcomes_corrected", report.outcomesCorrected());
        json.put("router_stream_thread_failures_total", report.streamThreadFailures());
        json.put("recovery_s_p50", round(report.recoveryP50(ChaosEvent.KILL_RESTART)));
        json.put("recovery_s_max", round(report.recoveryMax(ChaosEvent.KILL_RESTART)));
        json.put("takeover_recovery_s_p50", round(report.recoveryP50(ChaosEvent.KILL_TAKEOVER)));
        json.put("takeover_recovery_s_max", round(report.recoveryMax(ChaosEvent.KILL_TAKEOVER)));
        json.put("replacement_recovery_s", round(report.recoveryMax(ChaosEvent.REPLACED_ON_EMPTY_STATE)));
        json.put("broker_restart_recovery_s_max", round(report.recoveryMax(ChaosEvent.BROKER_RESTART)));
        json.put(
                "restore_s_max",
                Math.round(report.events().stream()
                                        .mapToDouble(ChaosEvent::restoreSeconds)
                                        .max()
                                        .orElse(-1)
                                * 1000)
                        / 1000.0);
        json.put(
                "restore_records_max",
                report.events().stream()
                        .mapToLong(ChaosEvent::restoreRecords)
                        .max()
                        .orElse(-1));
        json.put("duration_s", Math.round(report.durationSeconds()));
        List<Map<String, Object>> events = new ArrayList<>();
        for (ChaosEvent e : report.events()) {
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("kind", e.kind());
            event.put("target", e.target());
            event.put("at_s", round(e.atSeconds()));
            event.put("in_flight", e.inFlight());
            event.put("recovery_s", round(e.recoverySeconds()));
            event.put("restore_s_max", e.restoreSeconds() < 0 ? -1 : Math.round(e.restoreSeconds() * 1000) / 1000.0);
            event.put("restore_records_max", e.restoreRecords());
            events.add(event);
        }
        json.put("events", events);
        ChaosPlan p = report.plan();
        json.put(
                "plan",
                Map.of(
                        "rate_per_s",
                        p.ratePerSecond(),
                        "poison_every",
                        p.poisonEvery(),
                        "seed",
                        p.seed(),
                        "recovery_timeout_s",
                        p.recoveryTimeout().toSeconds()));
        json.put("environment", report.environment());
        return json;
    }

    public static void writeMarkdown(ChaosReport report, Path file) throws IOException {
        ChaosLedger.Counts c = report.counts();
        StringBuilder md = new StringBuilder();
        md.append("# Chaos run: ").append(report.passed() ? "passed" : "FAILED").append("\n\n");
        md.append(String.format(
                Locale.ROOT,
                "%s, %d cores, %s; broker: %s. %d s in all.%n%n",
                report.environment().cpuModel(),
                report.environment().cores(),
                report.environment().java(),
                report.environment().broker(),
                Math.round(report.durationSeconds())));
        if (!report.passed()) {
            md.append("Failures:\n");
            report.failures().forEach(f -> md.append("- ").append(f).append('\n'));
            md.append('\n');
        }
        md.append("| figure | value |\n|---|---|\n");
        row(
                md,
                "router kills (SIGKILL)",
                report.kills() + " (" + report.killsWithInstructionsInFlight() + " with instructions in flight)");
        row(md, "broker restarts", Long.toString(report.brokerRestarts()));
        row(md, "router instances", Integer.toString(report.instances()));
        row(md, "instructions sent (acknowledged)", Long.toString(c.sent()));
        row(md, "routed exactly once", Long.toString(c.routed() - c.duplicates()));
        row(md, "missing / duplicates", c.missing() + " / " + c.duplicates());
        row(md, "good instructions dead-lettered", Long.toString(c.goodDeadLettered()));
        row(
                md,
                "poison sent / dead-lettered with the right reason / misfiled / missing",
                c.poisonSent() + " / " + c.poisonDeadLettered() + " / " + c.poisonMisfiled() + " / "
                        + c.poisonMissing());
        row(
                md,
                "invalid capability records sent / rejected",
                report.capabilityRecordsSent() + " / " + report.capabilityRecordsRejected());
        row(
                md,
                "graded outcomes sent / counted in the evidence / learned by the corrections",
                report.outcomesSent() + " / " + report.outcomesCounted() + " / " + report.outcomesCorrected());
        row(md, "router processes that stopped on their own", Integer.toString(report.unexpectedExits()));
        row(
                md,
                "recovery after kill + restart, p50 / max (s)",
                fmt(report.recoveryP50(ChaosEvent.KILL_RESTART)) + " / "
                        + fmt(report.recoveryMax(ChaosEvent.KILL_RESTART)));
        row(md, "takeover by the surviving instance (s)", fmt(report.recoveryMax(ChaosEvent.KILL_TAKEOVER)));
        row(
                md,
                "a new instance on empty state in place of a killed one: routing back after (s)",
                fmt(report.recoveryMax(ChaosEvent.REPLACED_ON_EMPTY_STATE)));
        row(md, "recovery after the broker restart (s)", fmt(report.recoveryMax(ChaosEvent.BROKER_RESTART)));
        md.append("\n## Poison by kind\n\n| kind | expected reason | sent | dead-lettered right | misfiled |\n"
                + "|---|---|---|---|---|\n");
        c.poisonByKind()
                .forEach((kind, k) -> md.append(String.format(
                        Locale.ROOT,
                        "| %s | %s | %d | %d | %d |%n",
                        kind,
                        k.expectedReason(),
                        k.sent(),
                        k.deadLettered(),
                        k.misfiled())));
        md.append(
                "\n## Faults\n\n| # | fault | target | at (s) | in flight | routing back on every partition after (s) "
                        + "| slowest store restore (s, records) |\n|---|---|---|---|---|---|---|\n");
        int i = 1;
        for (ChaosEvent e : report.events()) {
            md.append(String.format(
                    Locale.ROOT,
                    "| %d | %s | %s | %.1f | %d | %s | %s |%n",
                    i++,
                    e.kind(),
                    e.target(),
                    e.atSeconds(),
                    e.inFlight(),
                    fmt(e.recoverySeconds()),
                    e.restoreSeconds() < 0
                            ? "n/a"
                            : String.format(Locale.ROOT, "%.2f (%d)", e.restoreSeconds(), e.restoreRecords())));
        }
        md.append("\nAccounting: a read_committed consumer reads every `routed.*` topic and the dead-letter topic from"
                + " the start; a record counts as sent once the broker acknowledged it. Recovery: from the fault until"
                + " instructions sent after it have been routed on every partition of `instructions`.\n");
        Files.writeString(file, md.toString());
    }

    private static void row(StringBuilder md, String name, String value) {
        md.append("| ").append(name).append(" | ").append(value).append(" |\n");
    }

    private static String fmt(double seconds) {
        return seconds < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f", seconds);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
