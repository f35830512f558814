package org.aptituderouter.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilterReply;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Kafka's meters down to one tag set per name: per client kept, every other level dropped, others untouched. */
class KafkaMeterFilterTest {

    private final KafkaMeterFilter filter = new KafkaMeterFilter();

    @Test
    void keepsPerClientKafkaMetersAndDropsTheOtherLevels() {
        assertThat(reply("kafka-streams.records-lag-max", "client-id", "router-StreamThread-1-consumer"))
                .isEqualTo(MeterFilterReply.NEUTRAL);
        assertThat(reply("kafka-streams.count")).isEqualTo(MeterFilterReply.DENY);
        assertThat(reply("kafka-streams.request-total", "client-id", "admin", "node-id", "node--1"))
                .isEqualTo(MeterFilterReply.DENY);
        assertThat(reply("kafka-streams.records-produced-total", "topic", "instructions.dlq"))
                .isEqualTo(MeterFilterReply.DENY);
        assertThat(reply("kafka.consumer.fetch-size-avg", "client-id", "c", "topic", "instructions"))
                .isEqualTo(MeterFilterReply.DENY);
        assertThat(reply("router.routed", "model", "m")).isEqualTo(MeterFilterReply.NEUTRAL);
        assertThat(reply("jvm.memory.used")).isEqualTo(MeterFilterReply.NEUTRAL);
    }

    @Test
    void onAPrometheusRegistryTheSameNameAtTwoLevelsRegistersOnce() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        List<String> refused = new ArrayList<>();
        registry.config().onMeterRegistrationFailed((id, reason) -> refused.add(reason));
        registry.config().meterFilter(filter);
        Gauge.builder("kafka-streams.request-rate", () -> 1.0)
                .tags("client-id", "a")
                .register(registry);
        Gauge.builder("kafka-streams.request-rate", () -> 2.0)
                .tags("client-id", "a", "node-id", "node--1")
                .register(registry);

        assertThat(refused).as("registrations Prometheus refused").isEmpty();
        assertThat(registry.find("kafka-streams.request-rate").meters()).hasSize(1);
        assertThat(registry.scrape()).contains("kafka_streams_request_rate{client_id=\"a\"} 1.0");
    }

    private MeterFilterReply reply(String name, String... tags) {
        return filter.accept(new Meter.Id(name, Tags.of(tags), null, null, Meter.Type.GAUGE));
    }
}
