package org.aptituderouter.app.capability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.aptituderouter.app.metrics.RouterMetrics;
import org.aptituderouter.core.capability.Candidate;
import org.aptituderouter.core.capability.CapabilitySet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes validated models routable once their routed topics exist. Topic creation runs here, never on the global
 * stream thread that reads the capabilities topic: an Admin call that times out or is refused (a missing ACL) would
 * otherwise stop Kafka Streams on every instance, and again on every restart, since the same record is read again.
 * A failed attempt is counted and retried with backoff (1 s, doubling to 60 s); the model stays unroutable meanwhile,
 * so nothing is ever sent to a topic that does not exist. The latest record of a model wins; a tombstone cancels a
 * model still waiting for its topic.
 */
public final class ModelOnboarding implements AutoCloseable {

    /** Runs a provisioning attempt now (zero delay) or later. */
    public interface Attempts {
        void run(Runnable attempt, Duration delay);
    }

    static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    static final Duration LAST_RETRY = Duration.ofSeconds(60);
    private static final Logger LOG = LoggerFactory.getLogger(ModelOnboarding.class);

    private final LiveCapabilities live;
    private final RoutedTopics topics;
    private final RouterMetrics metrics;
    private final Attempts attempts;
    private final AutoCloseable onClose;
    /** Models waiting for their topic, with their latest record. Guarded by this. */
    private final Map<String, Candidate> pending = new HashMap<>();

    private final Set<String> ready = ConcurrentHashMap.newKeySet();

    public ModelOnboarding(
            LiveCapabilities live,
            RoutedTopics topics,
            RouterMetrics metrics,
            Attempts attempts,
            AutoCloseable onClose) {
        this.live = live;
        this.topics = topics;
        this.metrics = metrics;
        this.attempts = attempts;
        this.onClose = onClose;
    }

    /** Attempts on one daemon thread of their own. */
    public static ModelOnboarding onOwnThread(LiveCapabilities live, RoutedTopics topics, RouterMetrics metrics) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "router-topic-provisioning");
            thread.setDaemon(true);
            return thread;
        });
        return new ModelOnboarding(
                live,
                topics,
                metrics,
                (attempt, delay) -> executor.schedule(attempt, delay.toMillis(), TimeUnit.MILLISECONDS),
                executor::shutdownNow);
    }

    /**
     * Validated candidates: routable at once where their topic is known to exist, else once it has been created.
     *
     * @return the capability set after the immediate updates
     */
    public synchronized CapabilitySet publish(Collection<Candidate> candidates) {
        List<Candidate> now = new ArrayList<>();
        for (Candidate candidate : candidates) {
            String model = candidate.modelId();
            if (ready.contains(model)) {
                pending.remove(model);
                now.add(candidate);
            } else if (pending.put(model, candidate) == null) {
                attempts.run(() -> attempt(model, FIRST_RETRY), Duration.ZERO);
            }
        }
        return now.isEmpty() ? live.current() : live.upsertAll(now);
    }

    /** A tombstone: the model leaves the zoo, or never joins if its topic was still being created. */
    public synchronized CapabilitySet retire(String modelId) {
        pending.remove(modelId);
        return live.retire(modelId);
    }

    /** Models published but not routable yet, waiting for their topic. */
    public synchronized Set<String> waiting() {
        return Set.copyOf(pending.keySet());
    }

    private void attempt(String model, Duration backoff) {
        synchronized (this) {
            if (!pending.containsKey(model)) {
                return; // retired meanwhile
            }
        }
        try {
            topics.ensureExist(List.of(model));
        } catch (RuntimeException e) {
            metrics.topicProvisioningFailed();
            Duration next = backoff.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : backoff.multipliedBy(2);
            LOG.warn(
                    "Cannot create the routed topic of {} yet ({}); the model is not routable; retrying in {} s",
                    model,
                    e.getMessage(),
                    backoff.toSeconds());
            attempts.run(() -> attempt(model, next), backoff);
            return;
        }
        synchronized (this) {
            ready.add(model);
            Candidate latest = pending.remove(model);
            if (latest != null) {
                CapabilitySet set = live.upsert(latest);
                LOG.info("Model {} routable: capability set v{} has {} models", model, set.version(), set.size());
            }
        }
    }

    @Override
    public void close() {
        try {
            onClose.close();
        } catch (Exception e) {
            LOG.warn("Closing topic provisioning: {}", e.getMessage());
        }
    }
}
