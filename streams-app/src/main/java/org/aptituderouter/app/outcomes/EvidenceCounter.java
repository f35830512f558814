package org.aptituderouter.app.outcomes;

import java.util.Optional;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.aptituderouter.app.capability.LiveCapabilities;
import org.aptituderouter.app.metrics.RouterMetrics;
import org.aptituderouter.core.BatchRouter;
import org.aptituderouter.core.capability.CapabilitySet;
import org.aptituderouter.schemas.avro.ModelEvidence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds each graded outcome, keyed by model id, to that model's live evidence in a changelogged store and writes the
 * model's new totals to the compacted evidence topic, in one transaction with the outcome's offset: each outcome
 * counts exactly once. Counts kept for another aptitude test (the bundle changed) start again from zero.
 *
 * <p>Where the decision index kept the instruction's text, the outcome also teaches the model's correction: the router
 * embeds the text again and scores it for the model as its published record describes it (no live evidence, no
 * correction; one encoder call per outcome, on this thread), and the correction learns how far that probability was
 * from the grade: what the aptitude answers missed, which the online evaluation measures. A correction kept for
 * another router version starts again from its prior. An outcome that cannot teach (no text, a model not routable
 * now, a failed inference) still counts, and is counted in {@code router.outcomes.uncorrected} by reason; it never
 * stops the stream.
 */
public final class EvidenceCounter implements Processor<String, GradedOutcome, String, ModelEvidence> {

    private static final Logger LOG = LoggerFactory.getLogger(EvidenceCounter.class);

    private final String storeName;
    private final LiveCapabilities capabilities;
    private final BatchRouter router;
    private final boolean corrections;
    private final RouterMetrics metrics;

    private ProcessorContext<String, ModelEvidence> context;
    private KeyValueStore<String, byte[]> store;

    /** @param corrections whether outcomes teach corrections ({@code router.outcomes.corrections}) */
    public EvidenceCounter(
            String storeName,
            LiveCapabilities capabilities,
            BatchRouter router,
            boolean corrections,
            RouterMetrics metrics) {
        this.storeName = storeName;
        this.capabilities = capabilities;
        this.router = router;
        this.corrections = corrections;
        this.metrics = metrics;
    }

    public static ProcessorSupplier<String, GradedOutcome, String, ModelEvidence> supplier(
            String storeName,
            LiveCapabilities capabilities,
            BatchRouter router,
            boolean corrections,
            RouterMetrics metrics) {
        return () -> new EvidenceCounter(storeName, capabilities, router, corrections, metrics);
    }

    @Override
    public void init(ProcessorContext<String, ModelEvidence> context) {
        this.context = context;
        this.store = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, GradedOutcome> record) {
        CapabilitySet set = capabilities.current();
        GradedOutcome outcome = record.value();
        if (outcome.task() >= set.dimension()) {
            return; // decided under a test with more tasks than the current one: it cannot count any more
        }
        byte[] stored = store.get(record.key());
        LiveEvidence evidence = stored == null ? null : LiveEvidence.fromBytes(stored);
        if (evidence == null
                || !evidence.aptitudeTestId().equals(set.aptitudeTestId())
                || evidence.answered().length != set.dimension()) {
            evidence = LiveEvidence.none(set.aptitudeTestId(), set.dimension());
        }
        LiveEvidence counted = evidence.plus(outcome.task(), outcome.correct());
        if (corrections) {
            counted = taught(counted, record.key(), outcome);
        }
        store.put(record.key(), counted.toBytes());
        context.forward(record.withValue(counted.toRecord(record.key(), System.currentTimeMillis())));
    }

    /** The evidence with the outcome taught to the model's correction, or as it was if the outcome cannot teach. */
    private LiveEvidence taught(LiveEvidence counted, String modelId, GradedOutcome outcome) {
        if (outcome.text().isEmpty()) {
            metrics.outcomeUncorrected(modelId, "no_text");
            return counted;
        }
        try {
            Optional<BatchRouter.ScoredInstruction> scored =
                    capabilities.asPublished(modelId).flatMap(model -> router.scoreUncorrected(outcome.text(), model));
            if (scored.isEmpty()) {
                metrics.outcomeUncorrected(modelId, "not_routable");
                return counted;
            }
            return counted.learned(
                    router.version(), scored.get().embedding(), scored.get().probability(), outcome.correct());
        } catch (RuntimeException e) {
            // inference or a non-finite score: the routing path rejects such a record alone too
            metrics.outcomeUncorrected(modelId, "failed");
            LOG.warn(
                    "Outcome for {} of {} counted but not learned by its correction: {}",
                    outcome.instructionId(),
                    modelId,
                    e.toString());
            return counted;
        }
    }
}
