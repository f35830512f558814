package org.aptituderouter.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.aptituderouter.app.RouterRuntime;
import org.aptituderouter.app.capability.CapabilityRecords;
import org.aptituderouter.app.capability.LiveCapabilities;
import org.aptituderouter.app.support.IsolatedRouter;
import org.aptituderouter.app.support.SharedCluster;
import org.aptituderouter.app.support.TestInstructions;
import org.aptituderouter.app.support.Traffic;
import org.aptituderouter.app.topics.RouterTopics;
import org.aptituderouter.core.bundle.RouterBundle;
import org.aptituderouter.core.capability.Candidate;
import org.aptituderouter.schemas.avro.InstructionEvent;
import org.aptituderouter.schemas.avro.ModelCapability;
import org.aptituderouter.schemas.avro.RoutingDecision;
import org.junit.jupiter.api.Test;

/**
 * Capacity-aware spillover on the in-process broker: the model every instruction goes to declares a capacity; once
 * its workers' backlog passes it, new instructions go to the next-best model (the decisions say from where), and
 * when the workers catch up it receives them again. Nothing is lost or routed twice on the way.
 */
class SpilloverTest {

    private static final int MAX_LAG = 4;

    @Test
    void aModelWhoseWorkersFallBehindStopsReceivingUntilTheyCatchUp() throws Exception {
        IsolatedRouter router = new IsolatedRouter(
                        SharedCluster.get().bootstrapServers(),
                        SharedCluster.get().registryUrl(),
                        "spillover")
                .with("router.spillover.poll-interval", "200ms")
                .with("router.batch.max-size", 2)
                .with("router.batch.max-wait", "20ms");
        List<Candidate> zoo = RouterBundle.bundled().zoo();
        try (RouterRuntime app = router.start();
                Traffic traffic =
                        new Traffic(router.clientConfig(), app.context().getBean(RouterTopics.class))) {
            LiveCapabilities live = app.context().getBean(LiveCapabilities.class);
            RouterTopics topics = app.context().getBean(RouterTopics.class);
            traffic.publishAll(zoo);
            Traffic.await(() -> live.current().size() == zoo.size(), "the zoo");
            List<String> sent = new ArrayList<>();
            List<InstructionEvent> first = TestInstructions.batch("probe", 1);
            traffic.send(first);
            sent.add(first.get(0).getId());
            String favourite = traffic.awaitDecisions(List.of(first.get(0).getId()))
                    .get(first.get(0).getId())
                    .get(0)
                    .getModelId();
            String workers = router.prefix() + "workers";
            ModelCapability limited = CapabilityRecords.toRecord(zoo.stream()
                    .filter(c -> c.modelId().equals(favourite))
                    .findFirst()
                    .orElseThrow());
            limited.setMaxLag((long) MAX_LAG);
            limited.setWorkerGroup(workers);
            traffic.publish(favourite, limited);
            Traffic.await(() -> live.capacities().containsKey(favourite), "the capacity of " + favourite);

            // the workers consume nothing: the backlog grows until the router spills over
            List<RoutingDecision> decisions = new ArrayList<>();
            for (int round = 0; round < 60 && decisions.stream().noneMatch(d -> d.getSpilledFrom() != null); round++) {
                List<InstructionEvent> more = TestInstructions.batch("load-" + round, 2);
                traffic.send(more);
                more.forEach(e -> sent.add(e.getId()));
                traffic.awaitDecisions(ids(more)).values().forEach(list -> decisions.addAll(list));
                Thread.sleep(100);
            }
            RoutingDecision spilled = decisions.stream()
                    .filter(d -> d.getSpilledFrom() != null)
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("nothing spilled over from " + favourite));
            assertThat(spilled.getSpilledFrom()).isEqualTo(favourite);
            assertThat(spilled.getModelId()).isNotEqualTo(favourite);
            assertThat(live.overCapacity()).contains(favourite);
            // the backlog is read in offsets, which count the transaction markers of exactly-once writes too, so at
            // this trickle (a transaction per batch of two) it reads about twice the instructions waiting
            long toFavourite = 1
                    + decisions.stream()
                            .filter(d -> d.getModelId().equals(favourite))
                            .count();
            assertThat(toFavourite)
                    .as("routed to %s before the spill", favourite)
                    .isGreaterThanOrEqualTo(MAX_LAG / 2);
            System.out.printf(
                    "spillover: %s took %d instructions (max_lag %d) before the first spilled over%n",
                    favourite, toFavourite, MAX_LAG);

            // the workers catch up: the model receives instructions again
            catchUp(router.clientConfig(), workers, topics.routedTopicName(favourite));
            Traffic.await(() -> !live.overCapacity().contains(favourite), favourite + " back within capacity");
            // one at a time, and fewer than max_lag: the workers consume nothing now either, so more than MAX_LAG / 2
            // instructions (each with its transaction marker) would fill the backlog again and rightly spill over
            for (InstructionEvent instruction : TestInstructions.batch("after", MAX_LAG / 2)) {
                traffic.send(List.of(instruction));
                sent.add(instruction.getId());
                List<RoutingDecision> back =
                        traffic.awaitDecisions(List.of(instruction.getId())).get(instruction.getId());
                assertThat(back).hasSize(1);
                assertThat(back.get(0).getModelId()).isEqualTo(favourite);
                assertThat(back.get(0).getSpilledFrom()).isNull();
            }

            // nothing lost, nothing twice, over every routed topic
            List<String> routed = new ArrayList<>();
            traffic.routedIdsByTopic().values().forEach(routed::addAll);
            assertThat(routed).doesNotHaveDuplicates();
            assertThat(new HashSet<>(routed)).isEqualTo(new HashSet<>(sent));
            assertThat(app.context()
                            .getBean(io.micrometer.core.instrument.MeterRegistry.class)
                            .find("router.spillovers")
                            .tag("from", favourite)
                            .counter()
                            .count())
                    .isPositive();
        }
    }

    /**
     * The model's workers read everything committed so far and commit their offsets: assigned rather than subscribed
     * (no group join to wait for), reading until each partition's position reaches its end.
     */
    private static void catchUp(Map<String, Object> clients, String group, String topic) {
        Properties config = new Properties();
        config.putAll(clients);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp, Duration.ofSeconds(30)) < ends.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the workers could not read " + topic + " to " + ends);
                }
                consumer.poll(Duration.ofMillis(200));
            }
            consumer.commitSync();
        }
    }

    private static List<String> ids(List<InstructionEvent> events) {
        return events.stream().map(InstructionEvent::getId).toList();
    }
}
