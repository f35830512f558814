package org.aptituderouter.loadtest.report;

/** The router configuration the main figures (ceiling, steps, onboarding) were taken with. */
public record RouterSettings(
        int maxBatchSize,
        long maxWaitMs,
        String encoderVariant,
        String executionProvider,
        int intraOpThreads,
        int streamThreads,
        int partitions,
        int models,
        String routerVersion) {}
