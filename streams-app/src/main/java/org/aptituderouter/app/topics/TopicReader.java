package org.aptituderouter.app.topics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads a topic from the beginning, committed records only (read_committed), without a consumer group: what the
 * demo and the tests use to see exactly what the router's transactions made visible.
 */
public final class TopicReader<K, V> implements AutoCloseable {

    private final KafkaConsumer<K, V> consumer;
    private final Map<K, List<V>> byKey = new HashMap<>();

    public TopicReader(Map<String, Object> clientConfig, TopicSpec<K, V> topic) {
        Properties config = new Properties();
        config.putAll(clientConfig);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.consumer = new KafkaConsumer<>(
                config, topic.keySerde().deserializer(), topic.valueSerde().deserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic.name(), Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Whatever arrives within the timeout. */
    public List<ConsumerRecord<K, V>> poll(Duration timeout) {
        List<ConsumerRecord<K, V>> records = new ArrayList<>();
        for (ConsumerRecord<K, V> record : consumer.poll(timeout)) {
            records.add(record);
            if (record.value() != null) { // a tombstone is no record of the key
                byKey.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(record.value());
            }
        }
        return records;
    }

    /** Reads until {@code count} records have arrived (more if they come in the same poll) or the time is up. */
    public List<ConsumerRecord<K, V>> readAtLeast(int count, Duration timeout) {
        List<ConsumerRecord<K, V>> records = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (records.size() < count && System.nanoTime() < deadline) {
            records.addAll(poll(Duration.ofMillis(100)));
        }
        return records;
    }

    /**
     * Reads until every one of {@code keys} has a record or the time is up, then on to the committed end of the topic,
     * and returns every record read so far
     * (by this reader, in any call) under each of those keys: a list each, so a duplicate shows. Keys without a
     * record by then are absent from the result.
     */
    public Map<K, List<V>> awaitKeys(Collection<K> keys, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!byKey.keySet().containsAll(keys) && System.nanoTime() < deadline) {
            poll(Duration.ofMillis(100));
        }
        readToCommittedEnd(deadline);
        Map<K, List<V>> found = new LinkedHashMap<>();
        for (K key : keys) {
            List<V> values = byKey.get(key);
            if (values != null) {
                found.put(key, List.copyOf(values));
            }
        }
        return found;
    }

    /** Reads on to what is committed now, so a duplicate committed after a key's first record is seen too. */
    private void readToCommittedEnd(long deadline) {
        Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment());
        while (ends.entrySet().stream().anyMatch(end -> consumer.position(end.getKey()) < end.getValue())
                && System.nanoTime() < deadline) {
            poll(Duration.ofMillis(100));
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
