package org.aptituderouter.loadtest.chaos;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.aptituderouter.schemas.avro.ModelOutcome;

/**
 * A grader during the chaos run: for each good instruction the collector sees on a model's topic, one graded outcome
 * for that model, keyed by the instruction id. Counts what the broker acknowledged per model, so the run can check
 * that every outcome counted into the routers' evidence exactly once, across the kills.
 */
final class ChaosGrader implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final String topic;
    private final Serializer<ModelOutcome> serializer;
    private final Set<String> graded = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicLong> acknowledged = new ConcurrentHashMap<>();
    private final AtomicLong failures = new AtomicLong();

    ChaosGrader(Map<String, Object> clientConfig, String topic, Serializer<ModelOutcome> serializer) {
        this.producer = ChaosTraffic.reliableProducer(clientConfig, "aptitude-router-chaos-grader");
        this.topic = topic;
        this.serializer = serializer;
    }

    /** Grades the model's answer to the instruction, once per instruction. */
    void grade(String instructionId, String modelId) {
        if (!graded.add(instructionId)) {
            return;
        }
        ModelOutcome outcome = ModelOutcome.newBuilder()
                .setInstructionId(instructionId)
                .setModelId(modelId)
                .setCorrect(Math.floorMod(instructionId.hashCode(), 3) != 0)
                .setSource("chaos")
                .setGradedAt(Instant.now())
                .build();
        try {
            producer.send(
                    new ProducerRecord<>(topic, instructionId, serializer.serialize(topic, outcome)),
                    (metadata, error) -> {
                        if (error == null) {
                            acknowledged
                                    .computeIfAbsent(modelId, m -> new AtomicLong())
                                    .incrementAndGet();
                        } else {
                            failures.incrementAndGet();
                        }
                    });
        } catch (RuntimeException e) {
            failures.incrementAndGet();
        }
    }

    /** Outcomes the broker acknowledged, per model. */
    Map<String, Long> acknowledged() {
        Map<String, Long> counts = new HashMap<>();
        acknowledged.forEach((model, count) -> counts.put(model, count.get()));
        return counts;
    }

    long failures() {
        return failures.get();
    }

    /** Waits until every outcome sent is acknowledged or failed. */
    @Override
    public void close() {
        producer.flush();
        producer.close();
    }
}
