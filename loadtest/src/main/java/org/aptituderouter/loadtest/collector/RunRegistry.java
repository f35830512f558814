package org.aptituderouter.loadtest.collector;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The runs a collector accounts for, by run id. Records of other runs (an earlier benchmark on a shared cluster)
 * are counted as foreign and otherwise ignored.
 */
public final class RunRegistry {

    private final Map<String, RunStats> runs = new ConcurrentHashMap<>();
    private final LongAdder foreign = new LongAdder();

    /** Registers a run before its first send, so none of its records is taken for foreign. */
    public RunStats register(String runId) {
        RunStats stats = new RunStats();
        if (runs.putIfAbsent(runId, stats) != null) {
            throw new IllegalArgumentException("run " + runId + " is already registered");
        }
        return stats;
    }

    RunStats find(String runId) {
        RunStats stats = runs.get(runId);
        if (stats == null) {
            foreign.increment();
        }
        return stats;
    }

    public long foreignRecords() {
        return foreign.sum();
    }
}
