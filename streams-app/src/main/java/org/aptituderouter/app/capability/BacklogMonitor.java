package org.aptituderouter.app.capability;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.aptituderouter.app.metrics.RouterMetrics;
import org.aptituderouter.app.topics.RouterTopics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the backlog of every model that declares a capacity, on a thread of its own (never a stream thread): the
 * lag of the model's workers' consumer group on its routed topic (committed end offset minus the group's committed
 * offset, per partition). A model above its {@code max_lag} is marked over capacity in {@link LiveCapabilities}, and
 * new instructions spill over to the next-best candidate until its backlog falls back. Offsets count Kafka's
 * transaction markers too, so the lag reads a little high.
 */
public final class BacklogMonitor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BacklogMonitor.class);
    private static final long CALL_TIMEOUT_MS = 5_000;

    private final Admin admin;
    private final RouterTopics topics;
    private final LiveCapabilities capabilities;
    private final RouterMetrics metrics;
    private final ScheduledExecutorService scheduler;
    private final Map<String, List<TopicPartition>> partitions = new HashMap<>();

    public BacklogMonitor(Admin admin, RouterTopics topics, LiveCapabilities capabilities, RouterMetrics metrics) {
        this.admin = admin;
        this.topics = topics;
        this.capabilities = capabilities;
        this.metrics = metrics;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "router-backlog-monitor");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Polls every {@code interval} from now on. */
    public BacklogMonitor start(Duration interval) {
        scheduler.scheduleWithFixedDelay(this::pollQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    private void pollQuietly() {
        try {
            poll();
        } catch (RuntimeException e) {
            LOG.warn("Could not read the models' backlogs ({}); keeping the last view", e.getMessage());
        }
    }

    /** One look at every declared capacity; updates the over-capacity set. */
    void poll() {
        Map<String, LiveCapabilities.Capacity> declared = capabilities.capacities();
        Set<String> over = new HashSet<>();
        for (Map.Entry<String, LiveCapabilities.Capacity> entry : declared.entrySet()) {
            String model = entry.getKey();
            long lag = lag(topics.routedTopicName(model), entry.getValue().workerGroup());
            metrics.backlog(model, lag);
            if (lag > entry.getValue().maxLag()) {
                over.add(model);
            }
        }
        Set<String> before = capabilities.overCapacity();
        for (String model : over) {
            if (!before.contains(model)) {
                LOG.warn(
                        "Model {} is over capacity (backlog above max_lag {}): new instructions spill over to the "
                                + "next-best model",
                        model,
                        declared.get(model).maxLag());
            }
        }
        for (String model : before) {
            if (!over.contains(model)) {
                LOG.info("Model {} is back within its capacity: it receives new instructions again", model);
            }
        }
        capabilities.setOverCapacity(over);
    }

    private long lag(String topic, String group) {
        try {
            List<TopicPartition> parts = partitions(topic);
            if (parts.isEmpty()) {
                return 0;
            }
            Map<TopicPartition, Long> ends = TopicEnds.committed(admin, parts, CALL_TIMEOUT_MS);
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get(CALL_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            long lag = 0;
            for (TopicPartition tp : parts) {
                OffsetAndMetadata done = committed.get(tp);
                lag += Math.max(0, ends.get(tp) - (done == null ? 0 : done.offset()));
            }
            return lag;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("backlog of " + topic + " for group " + group + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The topic's partitions, looked up once it exists. */
    private List<TopicPartition> partitions(String topic)
            throws ExecutionException, InterruptedException, TimeoutException {
        List<TopicPartition> known = partitions.get(topic);
        if (known != null) {
            return known;
        }
        if (!admin.listTopics()
                .names()
                .get(CALL_TIMEOUT_MS, TimeUnit.MILLISECONDS)
                .contains(topic)) {
            return List.of();
        }
        List<TopicPartition> found = TopicEnds.partitions(admin, topic, CALL_TIMEOUT_MS);
        partitions.put(topic, found);
        return found;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
