package org.aptituderouter.app.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class StreamsShutdownTest {

    @Test
    void staticMembershipIsAGroupInstanceIdForAllClientsOrForTheConsumers() {
        assertThat(StreamsShutdown.staticMembership(config("group.instance.id", "router-0")))
                .isTrue();
        assertThat(StreamsShutdown.staticMembership(config("consumer.group.instance.id", "router-0")))
                .isTrue();
        assertThat(StreamsShutdown.staticMembership(config("main.consumer.group.instance.id", "router-0")))
                .isTrue();
        assertThat(StreamsShutdown.staticMembership(config("group.instance.id", " ")))
                .as("blank")
                .isFalse();
        assertThat(StreamsShutdown.staticMembership(config("application.id", "router")))
                .isFalse();
    }

    private static Properties config(String key, String value) {
        Properties properties = new Properties();
        properties.setProperty(key, value);
        return properties;
    }
}
