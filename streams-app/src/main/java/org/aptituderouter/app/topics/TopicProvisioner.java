package org.aptituderouter.app.topics;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.aptituderouter.app.capability.RoutedTopics;
import org.aptituderouter.app.config.TopicsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the router's topics through the Admin client: the fixed ones before the streams start (Kafka Streams
 * refuses to run on missing source topics), and a model's routed topic when the model first appears, before it
 * becomes routable, so no record is ever sent to a topic that does not exist. Existing topics are left as they
 * are.
 */
@Singleton
public class TopicProvisioner implements RoutedTopics {

    private static final Logger LOG = LoggerFactory.getLogger(TopicProvisioner.class);
    private static final long TIMEOUT_SECONDS = 30;

    private final AdminClient admin;
    private final RouterTopics topics;
    private final TopicsProperties properties;
    /** Topics known to exist; a model that comes back after a tombstone does not cost another round trip. */
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    public TopicProvisioner(AdminClient admin, RouterTopics topics, TopicsProperties properties) {
        this.admin = admin;
        this.topics = topics;
        this.properties = properties;
    }

    /** Instructions, outcomes, decisions, dead letters and the compacted capabilities and evidence topics. */
    public void ensureFixedTopics() {
        List<NewTopic> wanted = new ArrayList<>();
        wanted.add(topic(topics.instructions().name(), properties.getPartitions()));
        // as many partitions as instructions: an outcome, keyed like its instruction, meets its decision's index
        wanted.add(topic(topics.outcomes().name(), properties.getPartitions()));
        wanted.add(topic(topics.decisions().name(), properties.getPartitions()));
        wanted.add(topic(topics.deadLetters().name(), properties.getPartitions()));
        // one partition: every instance reads all of it into its global store anyway, and a single partition keeps
        // the updates in one order, which the versioned capability set follows
        wanted.add(topic(topics.capabilities().name(), 1)
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
        wanted.add(topic(topics.evidence().name(), 1)
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
        create(wanted);
    }

    /** The routed topics of these models, created where missing; returns once they exist. */
    @Override
    public void ensureExist(Collection<String> modelIds) {
        List<NewTopic> wanted = modelIds.stream()
                .map(topics::routedTopicName)
                .distinct()
                .filter(name -> !known.contains(name))
                .map(name -> topic(name, properties.getPartitions()))
                .toList();
        create(wanted);
    }

    private NewTopic topic(String name, int partitions) {
        Optional<Short> replication = properties.getReplicationFactor() < 0
                ? Optional.empty()
                : Optional.of(properties.getReplicationFactor());
        return new NewTopic(name, Optional.of(partitions), replication);
    }

    private void create(List<NewTopic> wanted) {
        if (wanted.isEmpty()) {
            return;
        }
        var results = admin.createTopics(wanted).values();
        for (NewTopic topic : wanted) {
            try {
                results.get(topic.name()).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                LOG.info("Created topic {} ({} partitions)", topic.name(), topic.numPartitions());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException(
                            "cannot create topic " + topic.name() + ": "
                                    + e.getCause().getMessage(),
                            e.getCause());
                }
            } catch (TimeoutException e) {
                throw new IllegalStateException(
                        "creating topic " + topic.name() + " took more than " + TIMEOUT_SECONDS
                                + " s: is the cluster at kafka.bootstrap.servers reachable?",
                        e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while creating topic " + topic.name(), e);
            }
            known.add(topic.name());
        }
    }
}
