package org.aptituderouter.loadtest.chaos;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.aptituderouter.schemas.avro.DeadLetterReason;

/**
 * What the chaos run sent and what came out of the router, per record: every good instruction must arrive on exactly
 * one model topic, every poison record exactly once in the dead-letter topic under its kind's reason. Also answers,
 * for a kill, when routing was back on every partition. Thread-safe: sends are acknowledged on the producer's
 * thread, arrivals come from the collector's.
 */
public final class ChaosLedger {

    private final Map<Long, Good> good = new HashMap<>();
    private final Map<String, Poison> poison = new HashMap<>();
    private long foreign;

    synchronized void goodSent(long sequence, long nanos) {
        good.put(sequence, new Good(nanos));
    }

    synchronized void goodAcknowledged(long sequence, int partition) {
        Good g = good.get(sequence);
        g.partition = partition;
        g.acknowledged = true;
    }

    synchronized void goodRouted(long sequence, long nanos) {
        Good g = good.get(sequence);
        if (g == null) {
            foreign++;
            return;
        }
        g.routed++;
        if (g.firstArrivalNanos < 0) {
            g.firstArrivalNanos = nanos;
        }
    }

    synchronized void goodDeadLettered(long sequence) {
        Good g = good.get(sequence);
        if (g == null) {
            foreign++;
            return;
        }
        g.deadLettered++;
    }

    synchronized void poisonSent(String key, PoisonKind kind) {
        poison.put(key, new Poison(kind));
    }

    synchronized void poisonAcknowledged(String key) {
        poison.get(key).acknowledged = true;
    }

    synchronized void poisonDeadLettered(String key, DeadLetterReason reason) {
        Poison p = poison.get(key);
        if (p == null) {
            foreign++;
            return;
        }
        p.deadLettered++;
        if (reason != p.kind.expected()) {
            p.wrongReason++;
        }
    }

    synchronized void poisonRouted(String key) {
        Poison p = poison.get(key);
        if (p == null) {
            foreign++;
            return;
        }
        p.routed++;
    }

    /** Good instructions acknowledged by the broker and not (yet) seen on any model topic. */
    synchronized long inFlight() {
        return good.values().stream()
                .filter(g -> g.acknowledged && g.routed == 0 && g.deadLettered == 0)
                .count();
    }

    /** True when every acknowledged record has come out somewhere. */
    synchronized boolean settled() {
        return inFlight() == 0
                && poison.values().stream().allMatch(p -> !p.acknowledged || p.deadLettered > 0 || p.routed > 0);
    }

    /**
     * Seconds from {@code killNanos} until instructions sent after it were routed on every one of the partitions
     * (the last partition to come back decides), or -1 while some partition has not come back.
     */
    synchronized double recoverySeconds(long killNanos, int partitions) {
        long[] first = new long[partitions];
        Arrays.fill(first, -1);
        for (Good g : good.values()) {
            if (g.sentNanos > killNanos && g.partition >= 0 && g.partition < partitions && g.firstArrivalNanos > 0) {
                if (first[g.partition] < 0 || g.firstArrivalNanos < first[g.partition]) {
                    first[g.partition] = g.firstArrivalNanos;
                }
            }
        }
        long last = killNanos;
        for (long f : first) {
            if (f < 0) {
                return -1;
            }
            last = Math.max(last, f);
        }
        return (last - killNanos) / 1e9;
    }

    synchronized Counts counts() {
        long sent = 0;
        long routed = 0;
        long missing = 0;
        long duplicates = 0;
        long goodDeadLettered = 0;
        for (Good g : good.values()) {
            if (!g.acknowledged) {
                continue;
            }
            sent++;
            int copies = g.routed + g.deadLettered;
            if (g.routed > 0) {
                routed++;
            }
            if (g.deadLettered > 0) {
                goodDeadLettered++;
            }
            if (copies == 0) {
                missing++;
            }
            duplicates += Math.max(0, copies - 1);
        }
        Map<PoisonKind, long[]> perKind = new EnumMap<>(PoisonKind.class);
        long poisonSent = 0;
        long poisonDeadLettered = 0;
        long poisonMisfiled = 0;
        long poisonMissing = 0;
        for (Poison p : poison.values()) {
            if (!p.acknowledged) {
                continue;
            }
            poisonSent++;
            long[] kind = perKind.computeIfAbsent(p.kind, k -> new long[3]);
            kind[0]++;
            boolean right = p.deadLettered > 0 && p.wrongReason == 0 && p.routed == 0;
            if (right) {
                poisonDeadLettered++;
                kind[1]++;
            } else if (p.deadLettered == 0 && p.routed == 0) {
                poisonMissing++;
            } else {
                poisonMisfiled++;
                kind[2]++;
            }
            duplicates += Math.max(0, p.deadLettered + p.routed - 1);
        }
        Map<String, PoisonCounts> kinds = new LinkedHashMap<>();
        perKind.forEach((kind, c) ->
                kinds.put(kind.label(), new PoisonCounts(kind.expected().name(), c[0], c[1], c[2])));
        return new Counts(
                sent,
                routed,
                missing,
                duplicates,
                goodDeadLettered,
                poisonSent,
                poisonDeadLettered,
                poisonMisfiled,
                poisonMissing,
                foreign,
                kinds);
    }

    /** Totals over acknowledged sends; a record the broker never acknowledged was not sent. */
    public record Counts(
            long sent,
            long routed,
            long missing,
            long duplicates,
            long goodDeadLettered,
            long poisonSent,
            long poisonDeadLettered,
            long poisonMisfiled,
            long poisonMissing,
            long foreign,
            Map<String, PoisonCounts> poisonByKind) {}

    public record PoisonCounts(String expectedReason, long sent, long deadLettered, long misfiled) {}

    private static final class Good {
        final long sentNanos;
        int partition = -1;
        boolean acknowledged;
        int routed;
        int deadLettered;
        long firstArrivalNanos = -1;

        Good(long sentNanos) {
            this.sentNanos = sentNanos;
        }
    }

    private static final class Poison {
        final PoisonKind kind;
        boolean acknowledged;
        int deadLettered;
        int wrongReason;
        int routed;

        Poison(PoisonKind kind) {
            this.kind = kind;
        }
    }
}
