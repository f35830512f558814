package org.aptituderouter.app.capability;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.aptituderouter.app.metrics.RouterMetrics;
import org.aptituderouter.app.topics.RegistryOutage;
import org.aptituderouter.core.capability.Candidate;
import org.aptituderouter.core.capability.CapabilitySet;
import org.aptituderouter.schemas.avro.ModelCapability;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the global capabilities store and the {@link LiveCapabilities} snapshot in step with the compacted
 * capabilities topic: a record adds or replaces its model, a tombstone retires it. A record that cannot be read or
 * does not fit the aptitude test is skipped with a log line and a metric; the router goes on with the zoo it has.
 * Nothing here blocks on the cluster or throws for a record's sake: {@link ModelOnboarding} creates a model's
 * routed topic on its own thread and makes the model routable once the topic exists. (Only a registry outage is
 * thrown: the record may be fine and is read again after the restart.)
 *
 * <p>The store holds the raw record bytes. On start-up {@link #init} rebuilds the snapshot from what the store
 * holds; since Kafka 4.1 a global store's restore also replays the topic through {@link #process}. Both paths
 * validate and hand over to the onboarding, so a restart behaves like the first start.
 */
public final class CapabilityUpdateProcessor implements Processor<String, byte[], Void, Void> {

    private static final Logger LOG = LoggerFactory.getLogger(CapabilityUpdateProcessor.class);

    private final String storeName;
    private final String topic;
    private final Deserializer<ModelCapability> deserializer;
    private final LiveCapabilities live;
    private final ModelOnboarding onboarding;
    private final RouterMetrics metrics;

    private KeyValueStore<String, byte[]> store;

    public CapabilityUpdateProcessor(
            String storeName,
            String topic,
            Deserializer<ModelCapability> deserializer,
            LiveCapabilities live,
            ModelOnboarding onboarding,
            RouterMetrics metrics) {
        this.storeName = storeName;
        this.topic = topic;
        this.deserializer = deserializer;
        this.live = live;
        this.onboarding = onboarding;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(storeName);
        List<Candidate> restored = new ArrayList<>();
        CapabilitySet base = live.current();
        try (KeyValueIterator<String, byte[]> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, byte[]> entry = all.next();
                Candidate candidate = validCandidate(entry.key, entry.value, base);
                if (candidate != null) {
                    restored.add(candidate);
                }
            }
        }
        if (!restored.isEmpty()) {
            CapabilitySet set = onboarding.publish(restored);
            LOG.info(
                    "Capability set v{} restored from the store: {} models routable, {} waiting for their topic",
                    set.version(),
                    set.size(),
                    onboarding.waiting().size());
        }
    }

    @Override
    public void process(Record<String, byte[]> record) {
        String modelId = record.key();
        if (modelId == null || modelId.isBlank()) {
            skip("<no key>", "a capability record needs the model id as its key");
            return;
        }
        if (record.value() == null) {
            store.delete(modelId);
            CapabilitySet set = onboarding.retire(modelId);
            LOG.info("Model {} retired: capability set v{} has {} models", modelId, set.version(), set.size());
            return;
        }
        Candidate candidate = validCandidate(modelId, record.value(), live.current());
        if (candidate == null) {
            return;
        }
        store.put(modelId, record.value());
        CapabilitySet set = onboarding.publish(List.of(candidate));
        String waiting = onboarding.waiting().contains(modelId) ? "; its topic is being created" : "";
        LOG.info(
                "Model {} ({}) published: capability set v{} has {} models{}",
                modelId,
                candidate.status(),
                set.version(),
                set.size(),
                waiting);
    }

    /** The candidate, or null (logged and counted) if the bytes are not a capability that fits the set. */
    private Candidate validCandidate(String modelId, byte[] value, CapabilitySet set) {
        try {
            ModelCapability record = deserializer.deserialize(topic, value);
            Candidate candidate = CapabilityRecords.toCandidate(modelId, record);
            LiveCapabilities.Capacity capacity = CapabilityRecords.capacity(record);
            set.with(candidate); // validation only: the snapshot changes once the topic exists
            live.declareCapacity(modelId, capacity);
            return candidate;
        } catch (IllegalArgumentException e) { // CapabilityValidationException included
            skip(modelId, e.getMessage());
        } catch (RuntimeException e) {
            if (RegistryOutage.causedBy(e)) {
                throw e; // the record may be fine: fail now, read it again after the restart
            }
            skip(modelId, e.getMessage());
        }
        return null;
    }

    private void skip(String modelId, String why) {
        metrics.invalidCapability();
        LOG.warn("Skipped capability record of {}: {}", modelId, why);
    }
}
