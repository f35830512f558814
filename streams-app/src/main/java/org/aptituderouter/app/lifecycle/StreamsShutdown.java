package org.aptituderouter.app.lifecycle;

import io.micronaut.configuration.kafka.streams.ConfiguredStreamBuilder;
import io.micronaut.configuration.kafka.streams.KafkaStreamsFactory;
import io.micronaut.context.BeanContext;
import io.micronaut.context.BeanRegistration;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.ShutdownEvent;
import jakarta.inject.Singleton;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.aptituderouter.core.Router;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Orderly stop: first the streams, given {@code kafka.streams.default.close-timeout} to finish the batch in flight
 * and commit it; then, only if they stopped, the router they were using. Runs on the shutdown event, before Micronaut destroys beans in
 * an order that knows nothing of stream threads. Only beans that exist are touched; none is created to be closed.
 */
@Singleton
public class StreamsShutdown implements ApplicationEventListener<ShutdownEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(StreamsShutdown.class);

    private final BeanContext context;

    public StreamsShutdown(BeanContext context) {
        this.context = context;
    }

    @Override
    public void onApplicationEvent(ShutdownEvent event) {
        boolean allStopped = true;
        for (BeanRegistration<KafkaStreamsFactory> factory :
                context.getActiveBeanRegistrations(KafkaStreamsFactory.class)) {
            for (var entry : factory.getBean().getStreams().entrySet()) {
                allStopped &= close(entry.getKey(), entry.getValue());
            }
        }
        if (!allStopped) {
            // a stream thread may still be scoring a batch: closing the ONNX sessions under it could crash the
            // process in native code; the process exit releases them instead
            LOG.warn("Kafka Streams did not stop: the router's ONNX sessions stay open until the process exits");
            return;
        }
        for (BeanRegistration<Router> router : context.getActiveBeanRegistrations(Router.class)) {
            router.getBean().close();
        }
    }

    /** @return whether the streams stopped within the close timeout */
    private static boolean close(KafkaStreams streams, ConfiguredStreamBuilder builder) {
        boolean staticMember = staticMembership(builder.getConfiguration());
        LOG.info(
                "Closing Kafka Streams (up to {}) so the batch in flight commits{}",
                builder.getCloseTimeout(),
                staticMember ? "; staying in the group (static membership)" : "");
        // A dynamic member leaves the group at once, so its partitions move on without waiting out
        // session.timeout.ms. A static member stays: its restart (same group.instance.id) takes its partitions
        // back without a rebalance, which is what static membership is for.
        KafkaStreams.CloseOptions options = new KafkaStreams.CloseOptions()
                .timeout(builder.getCloseTimeout())
                .leaveGroup(!staticMember);
        if (!streams.close(options)) {
            LOG.warn(
                    "Kafka Streams did not close within {}; uncommitted work is redone after a restart",
                    builder.getCloseTimeout());
            return false;
        }
        return true;
    }

    /** Whether a group.instance.id is configured, for all clients or for the consumers. */
    static boolean staticMembership(Properties streamsConfig) {
        for (String key : streamsConfig.stringPropertyNames()) {
            if ((key.equals(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG)
                            || key.endsWith("consumer." + ConsumerConfig.GROUP_INSTANCE_ID_CONFIG))
                    && !streamsConfig.getProperty(key).isBlank()) {
                return true;
            }
        }
        return false;
    }
}
