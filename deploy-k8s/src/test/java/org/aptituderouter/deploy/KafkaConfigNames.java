package org.aptituderouter.deploy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/** Config names the pinned Kafka clients and Kafka Streams know, to catch a misspelt kafka.* key. */
final class KafkaConfigNames {

    /** Prefixes with which Kafka Streams hands a setting to one of its clients only. */
    private static final List<String> STREAMS_CLIENT_PREFIXES = List.of(
            StreamsConfig.CONSUMER_PREFIX,
            StreamsConfig.MAIN_CONSUMER_PREFIX,
            StreamsConfig.RESTORE_CONSUMER_PREFIX,
            StreamsConfig.GLOBAL_CONSUMER_PREFIX,
            StreamsConfig.PRODUCER_PREFIX,
            StreamsConfig.ADMIN_CLIENT_PREFIX);

    private static final Set<String> ANY_CLIENT = anyClient();
    private static final Set<String> EVERY_CLIENT = everyClient();

    private KafkaConfigNames() {}

    /** A setting every Kafka client takes (security, bootstrap, ...): what micronaut-kafka passes from kafka.*. */
    static boolean isCommonClientConfig(String name) {
        return EVERY_CLIENT.contains(name);
    }

    /** A setting Kafka Streams takes: its own, any client's, or a client's behind Streams' prefixes. */
    static boolean isStreamsConfig(String name) {
        if (StreamsConfig.configDef().names().contains(name) || ANY_CLIENT.contains(name)) {
            return true;
        }
        return STREAMS_CLIENT_PREFIXES.stream()
                .anyMatch(prefix -> name.startsWith(prefix) && ANY_CLIENT.contains(name.substring(prefix.length())));
    }

    private static Set<String> anyClient() {
        Set<String> names = new HashSet<>(ConsumerConfig.configNames());
        names.addAll(ProducerConfig.configNames());
        names.addAll(AdminClientConfig.configNames());
        return Set.copyOf(names);
    }

    private static Set<String> everyClient() {
        Set<String> names = new HashSet<>(ConsumerConfig.configNames());
        names.retainAll(ProducerConfig.configNames());
        names.retainAll(AdminClientConfig.configNames());
        return Set.copyOf(names);
    }
}
