package org.aptituderouter.loadtest.collector;

import java.time.Duration;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

/**
 * A consumer read on a thread of its own: subscribes to a pattern with a {@link ResumingRebalanceListener} (so a
 * rebalance never makes it read a record twice), hands each record to a handler, and keeps the
 * failure that stopped it for the owner to see. Shared by the benchmark's and the chaos run's collectors.
 */
public final class PollLoop<K, V> implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(100);

    /** Accounts one record; called on the loop's thread. */
    public interface Handler<K, V> {
        void accept(ConsumerRecord<K, V> record);
    }

    private final KafkaConsumer<K, V> consumer;
    private final Pattern topics;
    private final ResumingRebalanceListener positions;
    private final Handler<K, V> handler;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile RuntimeException failure;

    /**
     * @param startEpochMs where a partition seen for the first time starts reading (0: at its beginning)
     */
    public PollLoop(
            KafkaConsumer<K, V> consumer, Pattern topics, long startEpochMs, Handler<K, V> handler, String threadName) {
        this.consumer = consumer;
        this.topics = topics;
        this.positions = new ResumingRebalanceListener(consumer, startEpochMs);
        this.handler = handler;
        this.thread = new Thread(this::run, threadName);
        this.thread.setDaemon(true);
    }

    public PollLoop<K, V> start() {
        thread.start();
        return this;
    }

    private void run() {
        try {
            consumer.subscribe(topics, positions);
            while (running) {
                for (ConsumerRecord<K, V> record : consumer.poll(POLL)) {
                    handler.accept(record);
                    positions.advance(new TopicPartition(record.topic(), record.partition()), record.offset());
                }
            }
        } catch (WakeupException e) {
            // close() asked the loop to stop
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            consumer.close();
        }
    }

    /** Throws what stopped the loop, if it stopped on an error. */
    public void checkHealthy() {
        RuntimeException e = failure;
        if (e != null) {
            throw new IllegalStateException(thread.getName() + " stopped reading: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (thread.getState() == Thread.State.NEW) {
            consumer.close();
            return;
        }
        running = false;
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(30).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
