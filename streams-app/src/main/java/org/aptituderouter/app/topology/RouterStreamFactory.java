package org.aptituderouter.app.topology;

import io.micronaut.configuration.kafka.streams.ConfiguredStreamBuilder;
import io.micronaut.configuration.kafka.streams.KafkaStreamsFactory;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.InstantSource;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.streams.KafkaClientSupplier;
import org.apache.kafka.streams.kstream.KStream;
import org.aptituderouter.app.capability.BacklogMonitor;
import org.aptituderouter.app.capability.CapabilityUpdateProcessorSupplier;
import org.aptituderouter.app.capability.LiveCapabilities;
import org.aptituderouter.app.capability.ModelOnboarding;
import org.aptituderouter.app.config.BatchProperties;
import org.aptituderouter.app.config.OutcomesProperties;
import org.aptituderouter.app.config.PolicyProperties;
import org.aptituderouter.app.metrics.RouterMetrics;
import org.aptituderouter.app.outcomes.ClosedLoop;
import org.aptituderouter.app.routing.BatchingRouteProcessorSupplier;
import org.aptituderouter.app.routing.InstructionDecoder;
import org.aptituderouter.app.routing.RouterOutput;
import org.aptituderouter.app.routing.RoutingRequests;
import org.aptituderouter.app.routing.TransactionBoundaryClientSupplier;
import org.aptituderouter.app.routing.TransactionBudget;
import org.aptituderouter.app.topics.RouterTopics;
import org.aptituderouter.app.topics.TopicProvisioner;
import org.aptituderouter.core.BatchRouter;
import org.aptituderouter.core.PassthroughRouter;
import org.aptituderouter.core.Router;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the routing topology on micronaut-kafka's {@link ConfiguredStreamBuilder}; micronaut-kafka's
 * KafkaStreamsFactory then builds, starts and closes the KafkaStreams from it with the {@code kafka.streams.default.*}
 * settings.
 */
@Factory
public class RouterStreamFactory {

    private static final Logger LOG = LoggerFactory.getLogger(RouterStreamFactory.class);

    /** Creates models' routed topics off the global stream thread; its thread stops with the application. */
    @Singleton
    @Bean(preDestroy = "close")
    ModelOnboarding modelOnboarding(
            LiveCapabilities capabilities, TopicProvisioner provisioner, RouterMetrics metrics) {
        return ModelOnboarding.onOwnThread(capabilities, provisioner, metrics);
    }

    /**
     * Kafka's own clients, telling the transaction budget where each transaction ends (micronaut-kafka hands the
     * client supplier bean to every KafkaStreams it builds, so Kafka's {@code default.client.supplier} is not read).
     */
    @Singleton
    @Replaces(bean = KafkaClientSupplier.class, factory = KafkaStreamsFactory.class)
    KafkaClientSupplier kafkaClientSupplier() {
        return new TransactionBoundaryClientSupplier();
    }

    /** Watches the backlog of models that declare a capacity, off the stream threads; stops with the application. */
    @Singleton
    @Bean(preDestroy = "close")
    BacklogMonitor backlogMonitor(
            AdminClient admin,
            RouterTopics topics,
            LiveCapabilities capabilities,
            RouterMetrics metrics,
            @Value("${router.spillover.poll-interval:500ms}") Duration interval) {
        return new BacklogMonitor(admin, topics, capabilities, metrics).start(interval);
    }

    /** One per application: its accounting is per stream thread, over every task the thread owns. */
    @Singleton
    TransactionBudget transactionBudget(BatchProperties batch, RouterMetrics metrics) {
        TransactionBudget budget = new TransactionBudget(batch.getTransactionBudget());
        metrics.transactionBudget(
                budget,
                TransactionBudget::maxBatchesPerTransaction,
                b -> b.maxRoutingPerTransaction().toNanos() / 1e9);
        return budget;
    }

    @Singleton
    @Named("router")
    KStream<byte[], RouterOutput> routerStream(
            ConfiguredStreamBuilder builder,
            RouterTopics topics,
            BatchProperties batch,
            TransactionBudget budget,
            PolicyProperties policy,
            Router router,
            LiveCapabilities capabilities,
            RouterMetrics metrics,
            ModelOnboarding onboarding,
            OutcomesProperties outcomes,
            BacklogMonitor backlog, // asked for so that it starts: spillover
            @Value("${router.benchmark.passthrough:false}") boolean passthrough) {
        BatchRouter decides = router;
        if (passthrough) {
            LOG.warn("router.benchmark.passthrough=true: routing WITHOUT inference (first eligible model), for "
                    + "measuring the pipeline's own ceiling; never in production");
            decides = new PassthroughRouter();
        }
        BatchingRouteProcessorSupplier batchRouter = new BatchingRouteProcessorSupplier(
                NodeNames.BATCH_STORE,
                batch.getMaxSize(),
                batch.getMaxWait(),
                budget,
                new InstructionDecoder(topics.instructions().valueSerde().deserializer()),
                new RoutingRequests(policy.toSpec()),
                decides,
                capabilities,
                metrics,
                InstantSource.system());
        CapabilityUpdateProcessorSupplier capabilityUpdater = new CapabilityUpdateProcessorSupplier(
                NodeNames.CAPABILITIES_STORE,
                topics.capabilities().name(),
                topics.capabilities().valueSerde().deserializer(),
                capabilities,
                onboarding,
                metrics);
        ClosedLoop loop = RouterTopology.closedLoop(
                topics, capabilities, decides, metrics, outcomes.getDecisionRetention(), outcomes.isCorrections());
        return RouterTopology.build(builder, topics, batchRouter, capabilityUpdater, loop);
    }
}
