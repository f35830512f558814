package org.aptituderouter.app.outcomes;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.aptituderouter.app.capability.LiveCapabilities;
import org.aptituderouter.app.metrics.RouterMetrics;
import org.aptituderouter.app.topics.RegistryOutage;
import org.aptituderouter.core.aptitude.OutcomeCorrection;
import org.aptituderouter.core.capability.CapabilitySet;
import org.aptituderouter.schemas.avro.ModelEvidence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every instance's view of the evidence topic (a global store): each model's live evidence joins its aptitude
 * evidence in the {@link LiveCapabilities}, so the next capability set, on every instance, routes with it (and with
 * the correction the outcomes taught, where it was taught to this router's version). A record of another aptitude
 * test, or one that does not read, is skipped with a log line; the zoo goes on as it is.
 */
public final class EvidenceUpdateProcessor implements Processor<String, byte[], Void, Void> {

    private static final Logger LOG = LoggerFactory.getLogger(EvidenceUpdateProcessor.class);

    private final String storeName;
    private final String topic;
    private final Deserializer<ModelEvidence> deserializer;
    private final LiveCapabilities capabilities;
    private final RouterMetrics metrics;
    private final String routerVersion;
    private final Set<String> drifting = new HashSet<>();

    private KeyValueStore<String, byte[]> store;

    public EvidenceUpdateProcessor(
            String storeName,
            String topic,
            Deserializer<ModelEvidence> deserializer,
            LiveCapabilities capabilities,
            RouterMetrics metrics,
            String routerVersion) {
        this.storeName = storeName;
        this.topic = topic;
        this.deserializer = deserializer;
        this.capabilities = capabilities;
        this.metrics = metrics;
        this.routerVersion = routerVersion;
    }

    public static ProcessorSupplier<String, byte[], Void, Void> supplier(
            String storeName,
            String topic,
            Deserializer<ModelEvidence> deserializer,
            LiveCapabilities capabilities,
            RouterMetrics metrics,
            String routerVersion) {
        return () -> new EvidenceUpdateProcessor(storeName, topic, deserializer, capabilities, metrics, routerVersion);
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(storeName);
        try (KeyValueIterator<String, byte[]> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, byte[]> entry = all.next();
                apply(entry.key, entry.value);
            }
        }
    }

    @Override
    public void process(Record<String, byte[]> record) {
        if (record.key() == null || record.value() == null) {
            return; // evidence is only ever added; a tombstone here has nothing to undo
        }
        if (apply(record.key(), record.value())) {
            store.put(record.key(), record.value());
        }
    }

    /** Compares the outcomes with the published capability; logs when a model starts or stops drifting. */
    private void checkDrift(String modelId, LiveEvidence evidence) {
        capabilities.published(modelId).ifPresent(published -> {
            Drift drift = Drift.of(published.scores(), evidence.taskEvidence());
            metrics.modelDrift(modelId, drift.z(), drift.flagged());
            if (drift.flagged() && drifting.add(modelId)) {
                LOG.warn(
                        "Model {} drifts from its aptitude estimate: {} graded outcomes {}% correct, expected {}% "
                                + "(z = {}); its capability now follows the outcomes",
                        modelId,
                        drift.outcomes(),
                        Math.round(100 * drift.observed()),
                        Math.round(100 * drift.expected()),
                        String.format(Locale.ROOT, "%.1f", drift.z()));
            } else if (!drift.flagged() && drifting.remove(modelId)) {
                LOG.info(
                        "Model {} agrees with its aptitude estimate again (z = {})",
                        modelId,
                        String.format(Locale.ROOT, "%.1f", drift.z()));
            }
        });
    }

    private boolean apply(String modelId, byte[] value) {
        try {
            LiveEvidence evidence = LiveEvidence.fromRecord(deserializer.deserialize(topic, value));
            CapabilitySet set = capabilities.current();
            if (!evidence.aptitudeTestId().equals(set.aptitudeTestId())
                    || evidence.answered().length != set.dimension()) {
                LOG.info(
                        "Evidence of {} answers aptitude test {} ({} tasks), not {}: not used",
                        modelId,
                        evidence.aptitudeTestId(),
                        evidence.answered().length,
                        set.aptitudeTestId());
                return false;
            }
            // a correction taught to another router (another bundle or encoder) does not fit this one's probabilities
            OutcomeCorrection correction =
                    routerVersion.equals(evidence.routerVersion()) ? evidence.correction() : null;
            capabilities.addLiveEvidence(modelId, evidence.taskEvidence(), evidence.outcomes(), correction);
            checkDrift(modelId, evidence);
            return true;
        } catch (RuntimeException e) {
            if (RegistryOutage.causedBy(e)) {
                throw e;
            }
            LOG.warn("Skipped evidence record of {}: {}", modelId, e.getMessage());
            return false;
        }
    }
}
