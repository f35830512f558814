package org.aptituderouter.loadtest.replay;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.aptituderouter.app.topics.TopicSpec;

/**
 * Reads what a topic holds from a point in time to what is committed now, with no consumer group (nothing is
 * committed, nothing is written): a replay leaves the cluster as it found it. Unreadable values are skipped.
 */
final class WindowReader {

    private final Map<String, Object> clientConfig;

    WindowReader(Map<String, Object> clientConfig) {
        this.clientConfig = clientConfig;
    }

    /** Every readable value of {@code topic} written from {@code from} until {@code to}, handed to {@code sink}. */
    <V> void read(TopicSpec<?, V> topic, Instant from, Instant to, Consumer<V> sink) {
        read(topic, from, to, (key, value) -> {
            if (value != null) {
                sink.accept(value);
            }
        });
    }

    /** A compacted topic's current state: the last readable value per key, without the keys a tombstone removed. */
    <V> Map<String, V> latest(TopicSpec<String, V> topic) {
        Map<String, V> state = new HashMap<>();
        read(topic, Instant.EPOCH, Instant.now(), (key, value) -> {
            if (value == null) {
                state.remove(key);
            } else {
                state.put(key, value);
            }
        });
        return state;
    }

    private <V> void read(TopicSpec<?, V> topic, Instant from, Instant to, BiConsumer<String, V> sink) {
        Properties config = new Properties();
        config.putAll(clientConfig);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(topic.name())
                    .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            if (partitions.isEmpty()) {
                return;
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> at = new HashMap<>();
            partitions.forEach(tp -> at.put(tp, from.toEpochMilli()));
            Map<TopicPartition, OffsetAndTimestamp> starts = consumer.offsetsForTimes(at);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Map<TopicPartition, Long> remaining = new HashMap<>();
            for (TopicPartition tp : partitions) {
                OffsetAndTimestamp start = starts.get(tp);
                long offset = start == null ? ends.get(tp) : start.offset();
                consumer.seek(tp, offset);
                if (offset < ends.get(tp)) {
                    remaining.put(tp, ends.get(tp));
                }
            }
            var deserializer = topic.valueSerde().deserializer();
            while (!remaining.isEmpty()) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.timestamp() > to.toEpochMilli()) {
                        continue;
                    }
                    String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
                    if (record.value() == null) {
                        sink.accept(key, null);
                        continue;
                    }
                    try {
                        sink.accept(key, deserializer.deserialize(record.topic(), record.value()));
                    } catch (RuntimeException unreadable) {
                        // the router dead-lettered or skipped it when it arrived; a replay has nothing to add
                    }
                }
                remaining.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
            }
        }
    }
}
