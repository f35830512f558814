package org.aptituderouter.app.support;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.aptituderouter.app.capability.CapabilityRecords;
import org.aptituderouter.app.topics.RouterTopics;
import org.aptituderouter.app.topics.TopicReader;
import org.aptituderouter.app.topics.TopicSpec;
import org.aptituderouter.core.capability.Candidate;
import org.aptituderouter.schemas.avro.DeadLetter;
import org.aptituderouter.schemas.avro.InstructionEvent;
import org.aptituderouter.schemas.avro.ModelCapability;
import org.aptituderouter.schemas.avro.ModelOutcome;
import org.aptituderouter.schemas.avro.RoutingDecision;

/**
 * A test's producers and read_committed readers around one running router: sends instructions and capability
 * records, and waits for what the router's transactions made visible.
 */
public final class Traffic implements AutoCloseable {

    public static final Duration WAIT = Duration.ofSeconds(60);

    private final Map<String, Object> clients;
    private final RouterTopics topics;
    private final KafkaProducer<String, InstructionEvent> instructions;
    private final KafkaProducer<String, ModelCapability> capabilities;
    private final KafkaProducer<byte[], byte[]> raw;
    private final KafkaProducer<String, ModelOutcome> outcomes;
    private final TopicReader<String, RoutingDecision> decisionReader;
    private final TopicReader<String, DeadLetter> deadLetterReader;
    private final List<ConsumerRecord<String, DeadLetter>> deadLetters = new ArrayList<>();

    public Traffic(Map<String, Object> clients, RouterTopics topics) {
        this.clients = clients;
        this.topics = topics;
        this.instructions = producer(topics.instructions());
        this.capabilities = producer(topics.capabilities());
        this.raw = new KafkaProducer<>(properties(), new ByteArraySerializer(), new ByteArraySerializer());
        this.outcomes = producer(topics.outcomes());
        this.decisionReader = new TopicReader<>(clients, topics.decisions());
        this.deadLetterReader = new TopicReader<>(clients, topics.deadLetters());
    }

    public static InstructionEvent instruction(String id, String text) {
        return InstructionEvent.newBuilder()
                .setId(id)
                .setText(text)
                .setSubmittedAt(Instant.now())
                .build();
    }

    public void send(Collection<InstructionEvent> events) {
        for (InstructionEvent event : events) {
            instructions.send(new ProducerRecord<>(topics.instructions().name(), event.getId(), event));
        }
        instructions.flush();
    }

    public void sendRaw(String key, byte[] value, Iterable<Header> headers) {
        raw.send(new ProducerRecord<>(topics.instructions().name(), null, key.getBytes(), value, headers));
        raw.flush();
    }

    /** Graded outcomes, keyed by instruction id as a grader would publish them. */
    public void grade(Collection<ModelOutcome> graded) {
        for (ModelOutcome outcome : graded) {
            outcomes.send(new ProducerRecord<>(topics.outcomes().name(), outcome.getInstructionId(), outcome));
        }
        outcomes.flush();
    }

    public void publish(Candidate candidate) {
        capabilities.send(new ProducerRecord<>(
                topics.capabilities().name(), candidate.modelId(), CapabilityRecords.toRecord(candidate)));
        capabilities.flush();
    }

    /** A capability record as given, e.g. with a capacity. */
    public void publish(String modelId, ModelCapability record) {
        capabilities.send(new ProducerRecord<>(topics.capabilities().name(), modelId, record));
        capabilities.flush();
    }

    public void publishAll(Collection<Candidate> candidates) {
        candidates.forEach(c -> capabilities.send(
                new ProducerRecord<>(topics.capabilities().name(), c.modelId(), CapabilityRecords.toRecord(c))));
        capabilities.flush();
    }

    /** A tombstone: the model is retired. */
    public void retire(String modelId) {
        capabilities.send(new ProducerRecord<>(topics.capabilities().name(), modelId, null));
        capabilities.flush();
    }

    /** Every committed decision for these instruction ids (a list each, to catch duplicates), once all arrived. */
    public Map<String, List<RoutingDecision>> awaitDecisions(Collection<String> ids) {
        Map<String, List<RoutingDecision>> found = decisionReader.awaitKeys(ids, WAIT);
        if (found.size() < ids.size()) {
            throw new AssertionError("no decisions within " + WAIT.toSeconds() + " s for "
                    + ids.stream().filter(id -> !found.containsKey(id)).toList());
        }
        return found;
    }

    /** All dead letters committed so far, once at least {@code count} have arrived. */
    public List<ConsumerRecord<String, DeadLetter>> awaitDeadLetters(int count) {
        await(
                () -> {
                    deadLetterReader.poll(Duration.ofMillis(100)).forEach(deadLetters::add);
                    return deadLetters.size() >= count;
                },
                count + " dead letters (have " + deadLetters.size() + ")");
        return List.copyOf(deadLetters);
    }

    /** Instruction ids in every routed topic of this router, read to the end of what is committed. */
    public Map<String, List<String>> routedIdsByTopic() {
        String routedPrefix = topics.routedTopicName("");
        try (Admin admin = Admin.create(properties())) {
            List<String> routed = admin.listTopics().names().get().stream()
                    .filter(topic -> topic.startsWith(routedPrefix))
                    .toList();
            return readToEnd(routed);
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Keys of one routed topic's committed records; keys are instruction ids. */
    public List<String> readToEnd(String topic) {
        return readToEnd(List.of(topic)).get(topic);
    }

    /** Instruction ids per topic, read with one read_committed consumer up to the last stable offsets. */
    private Map<String, List<String>> readToEnd(List<String> routedTopics) {
        Properties config = properties();
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        TopicSpec<String, InstructionEvent> spec = topics.routed("unused");
        Map<String, List<String>> ids = new HashMap<>();
        routedTopics.forEach(topic -> ids.put(topic, new ArrayList<>()));
        try (KafkaConsumer<String, InstructionEvent> consumer = new KafkaConsumer<>(
                config, spec.keySerde().deserializer(), spec.valueSerde().deserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : routedTopics) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            await(
                    () -> {
                        for (ConsumerRecord<String, InstructionEvent> record : consumer.poll(Duration.ofMillis(100))) {
                            ids.get(record.topic()).add(record.value().getId());
                        }
                        return partitions.stream().allMatch(p -> consumer.position(p) >= ends.get(p));
                    },
                    "the end of " + routedTopics);
        }
        return ids;
    }

    public static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + WAIT.toSeconds() + " s for " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }

    private <K, V> KafkaProducer<K, V> producer(TopicSpec<K, V> topic) {
        return new KafkaProducer<>(
                properties(), topic.keySerde().serializer(), topic.valueSerde().serializer());
    }

    private Properties properties() {
        Properties properties = new Properties();
        properties.putAll(clients);
        return properties;
    }

    @Override
    public void close() {
        instructions.close();
        capabilities.close();
        raw.close();
        outcomes.close();
        decisionReader.close();
        deadLetterReader.close();
    }
}
