package org.aptituderouter.loadtest.generator;

/**
 * Instruction ids of a benchmark run: {@code <run id>-<sequence>}. The collector reads the run and the sequence
 * back from the record key alone, so it can account for every send without deserializing the routed records.
 */
public final class InstructionIds {

    private InstructionIds() {}

    public static String of(String runId, long sequence) {
        return runId + "-" + sequence;
    }

    /** The run and sequence of an id made by {@link #of}, or null for any other id (not this benchmark's). */
    public static Parsed parse(String id) {
        if (id == null) {
            return null;
        }
        int dash = id.lastIndexOf('-');
        if (dash <= 0 || dash == id.length() - 1) {
            return null;
        }
        try {
            return new Parsed(id.substring(0, dash), Long.parseLong(id.substring(dash + 1)));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public record Parsed(String runId, long sequence) {}
}
