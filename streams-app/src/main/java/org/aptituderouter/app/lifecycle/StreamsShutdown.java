package org.aptituderouter.app.lifecycle;

import io.micronaut.configuration.kafka.streams.KafkaStreamsFactory;
import io.micronaut.context.BeanContext;
import io.micronaut.context.BeanRegistration;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.ShutdownEvent;
import jakarta.inject.Singleton;
import org.apache.kafka.streams.KafkaStreams;
import org.aptituderouter.core.Router;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Orderly stop: first the streams, given {@code kafka.streams.default.close-timeout} to finish the batch in flight
 * and commit it; then the router they were using. Runs on the shutdown event, before Micronaut destroys beans in
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
        for (BeanRegistration<KafkaStreamsFactory> factory : context.getActiveBeanRegistrations(KafkaStreamsFactory.class)) {
            factory.getBean().getStreams().forEach((streams, builder) -> {
                LOG.info("Closing Kafka Streams (up to {}) so the batch in flight commits", builder.getCloseTimeout());
                // with static membership (group.instance.id) this removes the member at once, so its partitions
                // move on without waiting out session.timeout.ms
                KafkaStreams.CloseOptions options = new KafkaStreams.CloseOptions()
                        .timeout(builder.getCloseTimeout())
                        .leaveGroup(true);
                if (!streams.close(options)) {
                    LOG.warn("Kafka Streams did not close within {}; uncommitted work is redone after a restart",
                            builder.getCloseTimeout());
                }
            });
        }
        for (BeanRegistration<Router> router : context.getActiveBeanRegistrations(Router.class)) {
            router.getBean().close();
        }
    }
}
