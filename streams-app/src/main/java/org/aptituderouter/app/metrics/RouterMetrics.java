package org.aptituderouter.app.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.aptituderouter.app.capability.LiveCapabilities;

/**
 * The router's meters, named once here. In Prometheus form: {@code router_batch_size},
 * {@code router_batch_inference_seconds}, {@code router_end_to_end_latency_seconds},
 * {@code router_routed_total{model}}, {@code router_dead_letters_total{reason}},
 * {@code router_capabilities_version}, {@code router_capabilities_size},
 * {@code router_capabilities_invalid_total}. Batch meters are tagged by stream task, so a slow partition shows.
 */
@Singleton
public class RouterMetrics {

    private final MeterRegistry registry;

    public RouterMetrics(MeterRegistry registry, LiveCapabilities capabilities) {
        this.registry = registry;
        Gauge.builder("router.capabilities.version", capabilities, c -> c.current().version())
                .description("Version of the capability set the router routes against")
                .register(registry);
        Gauge.builder("router.capabilities.size", capabilities, c -> c.current().size())
                .description("Models in the capability set, draining ones included")
                .register(registry);
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

    public void routed(String modelId) {
        Counter.builder("router.routed").description("Instructions routed, by chosen model")
                .tag("model", modelId).register(registry).increment();
    }

    public void deadLettered(String reason) {
        Counter.builder("router.dead.letters").description("Records sent to the dead-letter topic, by reason")
                .tag("reason", reason).register(registry).increment();
    }

    public void invalidCapability() {
        Counter.builder("router.capabilities.invalid")
                .description("Capability records skipped because they could not be read or validated")
                .register(registry).increment();
    }

    public void streamThreadFailed() {
        Counter.builder("router.stream.thread.failures")
                .description("Stream threads that died of an unexpected exception (replaced, or the router shut down)")
                .register(registry).increment();
    }

    public void topicProvisioningFailed() {
        Counter.builder("router.topics.provisioning.failures")
                .description("Failed attempts to create a model's routed topic (retried with backoff)")
                .register(registry).increment();
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
