package org.aptituderouter.app.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToDoubleFunction;
import org.aptituderouter.app.capability.LiveCapabilities;

/**
 * The router's meters, named once here. In Prometheus form: {@code router_batch_size},
 * {@code router_batch_inference_seconds}, {@code router_end_to_end_latency_seconds},
 * {@code router_routed_total{model}}, {@code router_dead_letters_total{reason}},
 * {@code router_capabilities_version}, {@code router_capabilities_size},
 * {@code router_capabilities_invalid_total}, {@code router_transaction_batches_max},
 * {@code router_transaction_routing_max_seconds}, {@code router_state_restore_seconds{store}},
 * {@code router_state_restore_records{store}}. Batch meters are tagged by stream task, so a slow partition shows.
 */
@Singleton
public class RouterMetrics {

    private final MeterRegistry registry;
    private final Map<String, Counter> routedCounters = new ConcurrentHashMap<>();
    private final Map<String, Counter> deadLetterCounters = new ConcurrentHashMap<>();
    private final Map<String, Counter> outcomeCounters = new ConcurrentHashMap<>();
    private final Map<String, Counter> uncorrectedCounters = new ConcurrentHashMap<>();
    private final Map<String, double[]> drift = new ConcurrentHashMap<>();
    private final Map<String, Counter> shadowCounters = new ConcurrentHashMap<>();
    private final Map<String, Counter> spilloverCounters = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> backlogs = new ConcurrentHashMap<>();

    public RouterMetrics(MeterRegistry registry, LiveCapabilities capabilities) {
        this.registry = registry;
        Gauge.builder(
                        "router.capabilities.version",
                        capabilities,
                        c -> c.current().version())
                .description("Version of the capability set the router routes against")
                .register(registry);
        Gauge.builder("router.capabilities.size", capabilities, c -> c.current().size())
                .description("Models in the capability set, draining ones included")
                .register(registry);
    }

    /** The most batches, and routing time, one transaction of a stream thread has held so far. */
    public <T> void transactionBudget(T budget, ToDoubleFunction<T> maxBatches, ToDoubleFunction<T> maxSeconds) {
        Gauge.builder("router.transaction.batches.max", budget, maxBatches)
                .description("Most batches routed inside one transaction of a stream thread")
                .register(registry);
        Gauge.builder("router.transaction.routing.max", budget, maxSeconds)
                .description("Most routing time inside one transaction of a stream thread")
                .baseUnit("seconds")
                .register(registry);
    }

    /** A state store restore finished (after a crash or a task move). */
    public void stateRestored(String store, long records, double seconds) {
        Timer.builder("router.state.restore")
                .description("Time to restore one store partition from its changelog")
                .tag("store", store)
                .register(registry)
                .record(Duration.ofNanos((long) (seconds * 1e9)));
        DistributionSummary.builder("router.state.restore.records")
                .description("Records read to restore one store partition from its changelog")
                .tag("store", store)
                .register(registry)
                .record(records);
    }

    /** Meters of one stream task's batches. */
    public BatchMeters batchMeters(String taskId) {
        return new BatchMeters(
                DistributionSummary.builder("router.batch.size")
                        .description("Instructions per flushed batch")
                        .tag("task", taskId)
                        .publishPercentiles(0.5, 0.99)
                        .register(registry),
                Timer.builder("router.batch.inference")
                        .description("Time of the one router call that scores a whole batch")
                        .tag("task", taskId)
                        .publishPercentiles(0.5, 0.99, 0.999)
                        .register(registry),
                Timer.builder("router.end.to.end.latency")
                        .description("From the instruction's submitted_at to its routed record being handed to Kafka")
                        .tag("task", taskId)
                        .publishPercentiles(0.5, 0.99, 0.999)
                        .register(registry));
    }

    /** Per routed instruction: the counter is looked up once per model, not registered per record. */
    public void routed(String modelId) {
        routedCounters
                .computeIfAbsent(
                        modelId,
                        model -> Counter.builder("router.routed")
                                .description("Instructions routed, by chosen model")
                                .tag("model", model)
                                .register(registry))
                .increment();
    }

    /**
     * A counted outcome its model's correction could not learn from: {@code no_text} (the decision index kept none),
     * {@code not_routable} (the model is not routable now), {@code failed} (inference failed).
     */
    public void outcomeUncorrected(String modelId, String reason) {
        uncorrectedCounters
                .computeIfAbsent(
                        modelId + "/" + reason,
                        key -> Counter.builder("router.outcomes.uncorrected")
                                .description(
                                        "Counted outcomes a model's correction could not learn from, by model and reason")
                                .tag("model", modelId)
                                .tag("reason", reason)
                                .register(registry))
                .increment();
    }

    /** Per graded outcome that counted toward a model's evidence. */
    public void outcomeCounted(String modelId) {
        outcomeCounters
                .computeIfAbsent(
                        modelId,
                        model -> Counter.builder("router.outcomes.counted")
                                .description("Graded outcomes added to a model's live evidence, by model")
                                .tag("model", model)
                                .register(registry))
                .increment();
    }

    /**
     * A model's live outcomes against its aptitude-based estimate: {@code router_model_drift_z} (binomial z-score) and
     * {@code router_model_drifting} (1 when flagged), per model.
     */
    public void modelDrift(String modelId, double z, boolean flagged) {
        double[] values = drift.computeIfAbsent(modelId, model -> {
            double[] holder = new double[2];
            Gauge.builder("router.model.drift.z", holder, h -> h[0])
                    .description("Live outcomes' share correct minus the aptitude-based estimate, in standard errors")
                    .tag("model", model)
                    .register(registry);
            Gauge.builder("router.model.drifting", holder, h -> h[1])
                    .description("1 when a model's live outcomes disagree with its aptitude-based estimate")
                    .tag("model", model)
                    .register(registry);
            return holder;
        });
        values[0] = z;
        values[1] = flagged ? 1 : 0;
    }

    /** An instruction that went to the next-best model because its first choice was over capacity. */
    public void spilledOver(String fromModel) {
        spilloverCounters
                .computeIfAbsent(
                        fromModel,
                        model -> Counter.builder("router.spillovers")
                                .description(
                                        "Instructions routed past their first choice because it was over capacity, by that model")
                                .tag("from", model)
                                .register(registry))
                .increment();
    }

    /** The last measured backlog (consumer-group lag) of a model with a declared capacity. */
    public void backlog(String modelId, long lag) {
        backlogs.computeIfAbsent(modelId, model -> {
                    AtomicLong holder = new AtomicLong();
                    Gauge.builder("router.model.backlog", holder, AtomicLong::get)
                            .description(
                                    "Routed instructions waiting for a model's workers (their consumer group's lag)")
                            .tag("model", model)
                            .register(registry);
                    return holder;
                })
                .set(lag);
    }

    /** Per decision with a shadow: whether the shadow would have chosen the same model. */
    public void shadowDecision(boolean agreed) {
        String agreement = agreed ? "agree" : "disagree";
        shadowCounters
                .computeIfAbsent(
                        agreement,
                        a -> Counter.builder("router.shadow.decisions")
                                .description(
                                        "Decisions the shadow router scored too, by whether it chose the same model")
                                .tag("agreement", a)
                                .register(registry))
                .increment();
    }

    /**
     * A graded outcome for an instruction on which the shadow chose differently, for the model of {@code router}
     * (live or shadow): realised accuracy of each where they disagree is correct / all.
     */
    public void shadowDisagreementOutcome(String router, boolean correct) {
        String key = router + "/" + correct;
        shadowCounters
                .computeIfAbsent(
                        key,
                        k -> Counter.builder("router.shadow.disagreement.outcomes")
                                .description(
                                        "Graded outcomes of instructions the live and shadow routers would route differently, by "
                                                + "whose choice was graded and whether it was correct")
                                .tag("router", router)
                                .tag("correct", Boolean.toString(correct))
                                .register(registry))
                .increment();
    }

    public void deadLettered(String reason) {
        deadLetterCounters
                .computeIfAbsent(
                        reason,
                        r -> Counter.builder("router.dead.letters")
                                .description("Records sent to the dead-letter topic, by reason")
                                .tag("reason", r)
                                .register(registry))
                .increment();
    }

    public void invalidCapability() {
        Counter.builder("router.capabilities.invalid")
                .description("Capability records skipped because they could not be read or validated")
                .register(registry)
                .increment();
    }

    public void streamThreadFailed() {
        Counter.builder("router.stream.thread.failures")
                .description("Stream threads that died of an unexpected exception (replaced, or the router shut down)")
                .register(registry)
                .increment();
    }

    public void topicProvisioningFailed() {
        Counter.builder("router.topics.provisioning.failures")
                .description("Failed attempts to create a model's routed topic (retried with backoff)")
                .register(registry)
                .increment();
    }

    /** One task's batch meters; the processor records into them without looking meters up per record. */
    public record BatchMeters(DistributionSummary batchSize, Timer inference, Timer endToEnd) {

        public void recordEndToEnd(Duration latency) {
            if (!latency.isNegative()) {
                endToEnd.record(latency);
            }
        }
    }
}
