package org.aptituderouter.app.lifecycle;

import io.micronaut.configuration.kafka.streams.event.BeforeKafkaStreamStart;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.event.ApplicationEventListener;
import jakarta.inject.Singleton;
import java.time.InstantSource;
import org.aptituderouter.app.embedded.ZooSeeder;
import org.aptituderouter.app.inference.BatchBudget;
import org.aptituderouter.app.metrics.RouterMetrics;
import org.aptituderouter.app.topics.TopicProvisioner;

/**
 * What must be true before the streams start: a failed stream thread is handled ({@link StreamThreadFailures}),
 * restores are measured ({@link RestoreTimes}), the
 * topics exist (Kafka Streams will not run on missing source topics), in embedded mode the zoo is published; and,
 * beside the start, a worst-case batch is timed against the poll and transaction timeouts.
 */
@Singleton
public class BeforeStreamsStart implements ApplicationEventListener<BeforeKafkaStreamStart> {

    private final TopicProvisioner provisioner;
    private final BeanProvider<ZooSeeder> zooSeeder;
    private final BatchBudget budget;
    private final RouterMetrics metrics;

    public BeforeStreamsStart(
            TopicProvisioner provisioner,
            BeanProvider<ZooSeeder> zooSeeder,
            BatchBudget budget,
            RouterMetrics metrics) {
        this.provisioner = provisioner;
        this.zooSeeder = zooSeeder;
        this.budget = budget;
        this.metrics = metrics;
    }

    @Override
    public void onApplicationEvent(BeforeKafkaStreamStart event) {
        event.getKafkaStreams()
                .setUncaughtExceptionHandler(
                        new StreamThreadFailures(InstantSource.system(), metrics::streamThreadFailed));
        event.getKafkaStreams().setGlobalStateRestoreListener(new RestoreTimes(metrics::stateRestored));
        provisioner.ensureFixedTopics();
        zooSeeder.ifPresent(ZooSeeder::seedIfEmpty);
        budget.checkInBackground();
    }
}
