package org.aptituderouter.app.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import jakarta.inject.Singleton;

/**
 * Keeps the Kafka meters that micronaut-kafka's metrics reporter registers down to one tag set per name, so that
 * none is refused at start-up (each refusal was a warning). Kafka names some metrics alike at several levels: per
 * client ({@code client-id}), per broker connection ({@code node-id}, e.g. {@code request-total}), per topic (the
 * producers' {@code records-produced-total}), per partition (the consumers' {@code records-lag}, whose partition
 * tag the reporter drops, so that partitions collide) and without any tag. Prometheus takes one tag set per name
 * and Micrometer one gauge per id, so only the per-client meters are kept: tagged with {@code client-id} alone.
 * Consumer lag stays, as the client's {@code records-lag-max}.
 */
@Singleton
public class KafkaMeterFilter implements MeterFilter {

    static final String PREFIX = "kafka";

    @Override
    public MeterFilterReply accept(Meter.Id id) {
        if (!id.getName().startsWith(PREFIX)) {
            return MeterFilterReply.NEUTRAL;
        }
        boolean perClient = id.getTags().size() == 1 && id.getTag("client-id") != null;
        return perClient ? MeterFilterReply.NEUTRAL : MeterFilterReply.DENY;
    }
}
