package org.aptituderouter.loadtest.chaos;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.aptituderouter.loadtest.generator.InstructionIds;
import org.aptituderouter.schemas.avro.InstructionEvent;

/**
 * Open-loop traffic for the chaos run, on one thread: good instructions at a fixed rate, every n-th slot a poison
 * record of the next kind in turn. Sends through an idempotent producer with a long delivery timeout, so a broker
 * restart delays records but loses none; a send the broker never acknowledged is not counted as sent.
 */
final class ChaosTraffic implements AutoCloseable {

    static final String RUN_ID = "chaos";

    private final KafkaProducer<String, byte[]> producer;
    private final String topic;
    private final Serializer<InstructionEvent> serializer;
    private final PoisonRecords poison;
    private final ChaosLedger ledger;
    private final List<String> texts;
    private final double ratePerSecond;
    private final int poisonEvery;
    private final AtomicLong failures = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    ChaosTraffic(
            Map<String, Object> clientConfig,
            String topic,
            Serializer<InstructionEvent> serializer,
            PoisonRecords poison,
            ChaosLedger ledger,
            List<String> texts,
            double ratePerSecond,
            int poisonEvery) {
        this.producer = reliableProducer(clientConfig, "aptitude-router-chaos-traffic");
        this.topic = topic;
        this.serializer = serializer;
        this.poison = poison;
        this.ledger = ledger;
        this.texts = List.copyOf(texts);
        this.ratePerSecond = ratePerSecond;
        this.poisonEvery = poisonEvery;
        this.thread = new Thread(this::run, "chaos-traffic");
        this.thread.setDaemon(true);
    }

    /**
     * A producer that retries through a broker restart (tens of seconds) rather than fail its sends, without
     * duplicates; values go as bytes already serialized, so it needs no registry.
     */
    static KafkaProducer<String, byte[]> reliableProducer(Map<String, Object> clientConfig, String clientId) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 300_000);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 300_000);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        config.remove("schema.registry.url");
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    ChaosTraffic start() {
        thread.start();
        return this;
    }

    /** Sends the producer gave up on (never acknowledged). */
    long failures() {
        return failures.get();
    }

    private void run() {
        long interval = (long) (TimeUnit.SECONDS.toNanos(1) / ratePerSecond);
        long next = System.nanoTime();
        long goodSequence = 0;
        long poisonCount = 0;
        PoisonKind[] kinds = PoisonKind.values();
        for (long slot = 0; running; slot++) {
            LockSupport.parkNanos(next - System.nanoTime());
            next += interval;
            if (poisonEvery > 0 && slot % poisonEvery == poisonEvery - 1) {
                PoisonKind kind = kinds[(int) (poisonCount % kinds.length)];
                sendPoison(kind, kind.key(poisonCount++));
            } else {
                sendGood(goodSequence++);
            }
        }
    }

    private void sendGood(long sequence) {
        String id = InstructionIds.of(RUN_ID, sequence);
        InstructionEvent event = InstructionEvent.newBuilder()
                .setId(id)
                .setText(texts.get((int) (sequence % texts.size())))
                .setTenant("chaos")
                .setSubmittedAt(Instant.now())
                .setAttributes(Map.of())
                .build();
        ledger.goodSent(sequence, System.nanoTime());
        send(id, serializer.serialize(topic, event), (partition) -> ledger.goodAcknowledged(sequence, partition));
    }

    private void sendPoison(PoisonKind kind, String key) {
        ledger.poisonSent(key, kind);
        send(key, poison.instruction(kind, key), partition -> ledger.poisonAcknowledged(key));
    }

    private void send(String key, byte[] value, IntConsumer acknowledged) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value), (metadata, error) -> {
                if (error == null) {
                    acknowledged.accept(metadata.partition());
                } else {
                    failures.incrementAndGet();
                }
            });
        } catch (RuntimeException e) {
            failures.incrementAndGet();
        }
    }

    /** Stops sending and waits until every send is acknowledged or failed. */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(330));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.flush();
        producer.close();
    }
}
