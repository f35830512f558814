package org.aptituderouter.loadtest.generator;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.aptituderouter.schemas.avro.InstructionEvent;

/** Sends instructions to the instructions topic, keyed by instruction id, through the project's Avro serde. */
public final class KafkaInstructionSink implements InstructionSink {

    private final KafkaProducer<String, InstructionEvent> producer;
    private final String topic;

    /**
     * @param clientConfig bootstrap servers, security and the registry keys, as the router's own clients use them
     * @param serializer   the Avro serializer, configured for the registry the router reads from
     */
    public KafkaInstructionSink(
            Map<String, Object> clientConfig, String topic, Serializer<InstructionEvent> serializer) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        // the producer's own batching delay is part of what is measured; keep it to what a latency-minded
        // producer would choose rather than the 5 ms default
        config.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "aptitude-router-loadtest-generator");
        this.producer = new KafkaProducer<>(config, new StringSerializer(), serializer);
        this.topic = topic;
        // fetch the topic's metadata now: the first send would block on it and start hundreds of ms late
        producer.partitionsFor(topic);
    }

    @Override
    public void send(InstructionEvent event, long intendedEpochMicros, Consumer<Exception> completion) {
        ProducerRecord<String, InstructionEvent> record = new ProducerRecord<>(topic, event.getId(), event);
        LoadHeaders.putIntendedMicros(record.headers(), intendedEpochMicros);
        try {
            producer.send(record, (metadata, error) -> completion.accept(error));
        } catch (RuntimeException e) {
            // serialization and buffer-timeout errors are thrown here rather than passed to the callback
            completion.accept(e);
        }
    }

    @Override
    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }
}
