package org.aptituderouter.app.embedded;

import io.micronaut.configuration.kafka.config.KafkaDefaultConfiguration;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.aptituderouter.app.capability.CapabilityRecords;
import org.aptituderouter.app.topics.RouterTopics;
import org.aptituderouter.app.topics.TopicSpec;
import org.aptituderouter.core.bundle.RouterBundle;
import org.aptituderouter.core.capability.Candidate;
import org.aptituderouter.schemas.avro.ModelCapability;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Embedded mode only: publishes the zoo bundled with router-core to an empty capabilities topic, so a fresh
 * in-process cluster routes from the first instruction. A topic that already holds capabilities is left alone.
 */
@Singleton
@Requires(property = EmbeddedMode.PROPERTY, value = "true")
public class ZooSeeder {

    private static final Logger LOG = LoggerFactory.getLogger(ZooSeeder.class);

    private final AdminClient admin;
    private final RouterTopics topics;
    private final KafkaDefaultConfiguration kafka;
    private final RouterBundle bundle;

    public ZooSeeder(AdminClient admin, RouterTopics topics, KafkaDefaultConfiguration kafka, RouterBundle bundle) {
        this.admin = admin;
        this.topics = topics;
        this.kafka = kafka;
        this.bundle = bundle;
    }

    public void seedIfEmpty() {
        TopicSpec<String, ModelCapability> capabilities = topics.capabilities();
        if (!isEmpty(capabilities.name())) {
            return;
        }
        List<Candidate> zoo = bundle.zoo();
        Properties config = new Properties();
        config.putAll(kafka.getConfig());
        try (KafkaProducer<String, ModelCapability> producer = new KafkaProducer<>(
                config,
                capabilities.keySerde().serializer(),
                capabilities.valueSerde().serializer())) {
            for (Candidate candidate : zoo) {
                producer.send(new ProducerRecord<>(
                        capabilities.name(), candidate.modelId(), CapabilityRecords.toRecord(candidate)));
            }
            producer.flush();
        }
        LOG.info("Published the zoo of bundle {} ({} models) to {}", bundle.source(), zoo.size(), capabilities.name());
    }

    private boolean isEmpty(String topic) {
        try {
            int partitions = admin.describeTopics(List.of(topic))
                    .allTopicNames()
                    .get()
                    .get(topic)
                    .partitions()
                    .size();
            Map<TopicPartition, OffsetSpec> latest = IntStream.range(0, partitions)
                    .mapToObj(p -> new TopicPartition(topic, p))
                    .collect(Collectors.toMap(Function.identity(), p -> OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
                    admin.listOffsets(latest).all().get();
            return ends.values().stream().allMatch(end -> end.offset() == 0);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the end offsets of " + topic + ": " + e.getCause(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the end offsets of " + topic, e);
        }
    }
}
