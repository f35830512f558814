package org.aptituderouter.loadtest.replay;

import java.util.Map;

/**
 * What a what-if replay found: how the same instructions would be routed now, against how they were.
 *
 * @param instructions            instructions in the window that the replayed router routed
 * @param withDecision            of those, how many have their original decision in the window's decisions
 * @param moved                   of those, how many the replayed router sends to another model
 * @param volumeBefore            instructions per model as originally routed (those with a decision)
 * @param volumeAfter             instructions per model as the replayed router routes them (the same ones)
 * @param estimatedBefore         mean P(correct), by the replayed router's scores, of the original choices
 * @param estimatedAfter          mean P(correct) of its own choices, on the same instructions
 * @param realisedBefore          share correct of the original choices that have a graded outcome (NaN: none)
 * @param gradedBefore            how many original choices have one
 * @param realisedAfterWhereKnown share correct of the replayed choices that have a graded outcome (NaN: none)
 * @param gradedAfter             how many replayed choices have one
 * @param meanCostBefore          mean cost of the original choices (current capability costs)
 * @param meanCostAfter           mean cost of the replayed choices
 */
public record ReplayReport(
        String from,
        String to,
        String router,
        String policy,
        int instructions,
        int withDecision,
        int moved,
        Map<String, Long> volumeBefore,
        Map<String, Long> volumeAfter,
        double estimatedBefore,
        double estimatedAfter,
        double realisedBefore,
        int gradedBefore,
        double realisedAfterWhereKnown,
        int gradedAfter,
        double meanCostBefore,
        double meanCostAfter,
        double seconds) {

    public double movedShare() {
        return withDecision == 0 ? 0 : (double) moved / withDecision;
    }
}
