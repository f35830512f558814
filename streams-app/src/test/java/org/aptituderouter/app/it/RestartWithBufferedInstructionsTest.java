package org.aptituderouter.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.aptituderouter.app.RouterRuntime;
import org.aptituderouter.app.capability.LiveCapabilities;
import org.aptituderouter.app.support.IsolatedRouter;
import org.aptituderouter.app.support.SharedCluster;
import org.aptituderouter.app.support.TestInstructions;
import org.aptituderouter.app.support.Traffic;
import org.aptituderouter.app.topics.RouterTopics;
import org.aptituderouter.core.bundle.RouterBundle;
import org.aptituderouter.schemas.avro.InstructionEvent;
import org.aptituderouter.schemas.avro.RoutingDecision;
import org.junit.jupiter.api.Test;

/**
 * Instructions that were read and committed into the batch store, but not yet routed, survive a stop: after a
 * restart on an empty local state directory (so the store must come back from its changelog) each is routed exactly
 * once, and the instructions sent afterwards too.
 */
class RestartWithBufferedInstructionsTest {

    @Test
    void bufferedInstructionsAreRoutedOnceAfterARestart() throws Exception {
        SharedCluster cluster = SharedCluster.get();
        // a batch that can neither fill nor expire: whatever is read stays in the store
        IsolatedRouter router = new IsolatedRouter(cluster.bootstrapServers(), cluster.registryUrl(), "restart")
                .with("router.batch.max-size", 20)
                .with("router.batch.max-wait", "1h");
        List<InstructionEvent> buffered = TestInstructions.batch("buffered", 10);

        try (RouterRuntime first = router.start()) {
            RouterTopics topics = first.context().getBean(RouterTopics.class);
            try (Traffic traffic = new Traffic(router.clientConfig(), topics)) {
                traffic.publishAll(RouterBundle.bundled().zoo());
                LiveCapabilities live = first.context().getBean(LiveCapabilities.class);
                Traffic.await(() -> !live.current().routable().isEmpty(), "the zoo");
                traffic.send(buffered);
                String applicationId = router.prefix() + "router";
                Traffic.await(
                        () -> inputFullyCommitted(
                                router.clientConfig(),
                                applicationId,
                                topics.instructions().name()),
                        "the router to commit its input offsets");
                assertThat(traffic.routedIdsByTopic().values())
                        .allSatisfy(ids -> assertThat(ids).isEmpty());
            }
        }

        router.with("router.batch.max-size", 4)
                .with("router.batch.max-wait", "100ms")
                .withFreshStateDir();
        try (RouterRuntime second = router.start()) {
            RouterTopics topics = second.context().getBean(RouterTopics.class);
            try (Traffic traffic = new Traffic(router.clientConfig(), topics)) {
                List<InstructionEvent> later = TestInstructions.batch("later", 6);
                traffic.send(later);
                List<String> expected = new ArrayList<>();
                buffered.forEach(e -> expected.add(e.getId()));
                later.forEach(e -> expected.add(e.getId()));

                Map<String, List<RoutingDecision>> decisions = traffic.awaitDecisions(expected);

                assertThat(decisions.values())
                        .allSatisfy(list -> assertThat(list).hasSize(1));
                List<String> routed = new ArrayList<>();
                traffic.routedIdsByTopic().values().forEach(routed::addAll);
                assertThat(routed).doesNotHaveDuplicates();
                assertThat(new HashSet<>(routed)).isEqualTo(new HashSet<>(expected));
            }
        }
    }

    /** The router's consumer group has committed every input offset: the records are in the store, not the topic. */
    static boolean inputFullyCommitted(Map<String, Object> clients, String group, String topic) {
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, clients.get("bootstrap.servers")))) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get();
            Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
            admin.describeTopics(List.of(topic))
                    .allTopicNames()
                    .get()
                    .get(topic)
                    .partitions()
                    .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
            var ends = admin.listOffsets(latest).all().get();
            return ends.entrySet().stream()
                    .allMatch(end -> end.getValue().offset() == 0
                            || (committed.get(end.getKey()) != null
                                    && committed.get(end.getKey()).offset()
                                            >= end.getValue().offset()));
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }
}
