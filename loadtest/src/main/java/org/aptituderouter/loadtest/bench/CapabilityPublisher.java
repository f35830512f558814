package org.aptituderouter.loadtest.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.aptituderouter.app.capability.CapabilityRecords;
import org.aptituderouter.app.topics.TopicSpec;
import org.aptituderouter.core.capability.Candidate;
import org.aptituderouter.schemas.avro.ModelCapability;

/** Publishes and retires models on the compacted capabilities topic, as a model provider would. */
public final class CapabilityPublisher implements AutoCloseable {

    private final KafkaProducer<String, ModelCapability> producer;
    private final String topic;

    public CapabilityPublisher(Map<String, Object> clientConfig, TopicSpec<String, ModelCapability> capabilities) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "aptitude-router-loadtest-capabilities");
        this.producer = new KafkaProducer<>(
                config,
                capabilities.keySerde().serializer(),
                capabilities.valueSerde().serializer());
        this.topic = capabilities.name();
    }

    /** Returns once the broker has the record. */
    public void publish(Candidate candidate) {
        send(candidate.modelId(), CapabilityRecords.toRecord(candidate));
    }

    /** Returns once the broker has the record: a record built by the caller, e.g. with a declared capacity. */
    public void publish(String modelId, ModelCapability record) {
        send(modelId, record);
    }

    /** A tombstone: the router drops the model, so a benchmark leaves a shared cluster's zoo as it found it. */
    public void retire(String modelId) {
        send(modelId, null);
    }

    private void send(String modelId, ModelCapability value) {
        try {
            producer.send(new ProducerRecord<>(topic, modelId, value)).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "cannot publish the capabilities of " + modelId + " to " + topic + ": "
                            + e.getCause().getMessage(),
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing the capabilities of " + modelId, e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
