package org.aptituderouter.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Batch settings follow the encoder unless they are set, as bound from configuration. */
class BatchPropertiesTest {

    private static BatchProperties bound(Map<String, Object> properties) {
        Map<String, Object> all = new HashMap<>(properties);
        all.put("kafka.enabled", false); // binding only: no streams, no clients
        all.put("micronaut.health.monitor.enabled", false);
        // no "test" environment either: application-test.yml sets batches of its own
        try (ApplicationContext context = ApplicationContext.builder()
                .deduceEnvironment(false)
                .properties(all)
                .start()) {
            return context.getBean(BatchProperties.class);
        }
    }

    @Test
    void miniLmBatchesSixteenOrFiftyMilliseconds() {
        BatchProperties batch = bound(Map.of());
        assertThat(batch.getMaxSize()).isEqualTo(16);
        assertThat(batch.getMaxWait()).isEqualTo(Duration.ofMillis(50));
    }

    @Test
    void theStaticEncoderBatchesTwoHundredFiftySixOrFiveMilliseconds() {
        BatchProperties batch = bound(Map.of("router.inference.encoder", "static"));
        assertThat(batch.getMaxSize()).isEqualTo(256);
        assertThat(batch.getMaxWait()).isEqualTo(Duration.ofMillis(5));
    }

    @Test
    void setValuesWinOverTheEncodersDefaults() {
        BatchProperties batch = bound(Map.of(
                "router.inference.encoder", "static", "router.batch.max-size", 8, "router.batch.max-wait", "200ms"));
        assertThat(batch.getMaxSize()).isEqualTo(8);
        assertThat(batch.getMaxWait()).isEqualTo(Duration.ofMillis(200));
    }
}
