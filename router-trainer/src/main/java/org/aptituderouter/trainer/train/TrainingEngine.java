package org.aptituderouter.trainer.train;

import ai.djl.engine.Engine;

/**
 * The PyTorch engine, pinned to one intra-op and one inter-op thread before it loads: the head is small, so
 * threads buy little, and a fixed reduction order is what makes the same seed give bit-identical weights.
 */
public final class TrainingEngine {

    private static final String INTRA_OP = "ai.djl.pytorch.num_threads";
    private static final String INTER_OP = "ai.djl.pytorch.num_interop_threads";

    private TrainingEngine() {}

    public static synchronized Engine pytorch() {
        if (System.getProperty(INTRA_OP) == null) {
            System.setProperty(INTRA_OP, "1");
        }
        if (System.getProperty(INTER_OP) == null) {
            System.setProperty(INTER_OP, "1");
        }
        return Engine.getEngine("PyTorch");
    }
}
