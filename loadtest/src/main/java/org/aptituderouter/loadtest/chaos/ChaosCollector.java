package org.aptituderouter.loadtest.chaos;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.aptituderouter.app.routing.BatchingRouteProcessor;
import org.aptituderouter.loadtest.collector.PollLoop;
import org.aptituderouter.loadtest.generator.InstructionIds;
import org.aptituderouter.schemas.avro.DeadLetter;

/**
 * Reads, as any downstream consumer would (read_committed), every model topic and the dead-letter topic from their
 * beginning, and tells the ledger where each record came out. It commits nothing and its group is its own, so it
 * never takes part in the router's rebalances; after a rebalance of its own (a new topic, a broker restart) it
 * resumes where it was, so no record is read twice and taken for a duplicate.
 */
final class ChaosCollector implements AutoCloseable {

    private final PollLoop<String, byte[]> loop;
    private final String routedPrefix;
    private final String deadLetterTopic;
    private final Deserializer<DeadLetter> deadLetters;
    private final ChaosLedger ledger;
    private final ChaosGrader grader;

    ChaosCollector(
            Map<String, Object> clientConfig,
            String routedPrefix,
            String deadLetterTopic,
            Deserializer<DeadLetter> deadLetters,
            ChaosLedger ledger,
            ChaosGrader grader) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "aptitude-router-chaos-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 1000);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "aptitude-router-chaos-collector");
        this.loop = new PollLoop<>(
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer()),
                Pattern.compile(Pattern.quote(routedPrefix) + ".+|" + Pattern.quote(deadLetterTopic)),
                0,
                record -> account(record, System.nanoTime()),
                "chaos-collector");
        this.routedPrefix = routedPrefix;
        this.deadLetterTopic = deadLetterTopic;
        this.deadLetters = deadLetters;
        this.ledger = ledger;
        this.grader = grader;
    }

    ChaosCollector start() {
        loop.start();
        return this;
    }

    private void account(ConsumerRecord<String, byte[]> record, long arrivalNanos) {
        if (record.topic().equals(deadLetterTopic)) {
            accountDeadLetter(record);
        } else if (record.topic().startsWith(routedPrefix)) {
            if (PoisonKind.ofKey(record.key()) != null) {
                ledger.poisonRouted(record.key());
                return;
            }
            InstructionIds.Parsed id = InstructionIds.parse(record.key());
            if (id != null && id.runId().equals(ChaosTraffic.RUN_ID)) {
                ledger.goodRouted(id.sequence(), arrivalNanos);
                Header model = record.headers().lastHeader(BatchingRouteProcessor.MODEL_HEADER);
                if (model != null) {
                    grader.grade(record.key(), new String(model.value(), StandardCharsets.UTF_8));
                }
            }
        }
    }

    private void accountDeadLetter(ConsumerRecord<String, byte[]> record) {
        DeadLetter letter;
        try {
            letter = deadLetters.deserialize(record.topic(), record.headers(), record.value());
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "dead letter at " + record.topic() + "-" + record.partition() + "@" + record.offset()
                            + " is unreadable: " + e.getMessage(),
                    e);
        }
        ByteBuffer keyBytes = letter.getOriginalKey();
        String key = keyBytes == null
                ? null
                : StandardCharsets.UTF_8.decode(keyBytes.duplicate()).toString();
        if (PoisonKind.ofKey(key) != null) {
            ledger.poisonDeadLettered(key, letter.getReason());
            return;
        }
        InstructionIds.Parsed id = InstructionIds.parse(key);
        if (id != null && id.runId().equals(ChaosTraffic.RUN_ID)) {
            ledger.goodDeadLettered(id.sequence());
        }
    }

    void checkHealthy() {
        loop.checkHealthy();
    }

    @Override
    public void close() {
        loop.close();
    }
}
