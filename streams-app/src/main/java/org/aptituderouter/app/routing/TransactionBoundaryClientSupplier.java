package org.aptituderouter.app.routing;

import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaClientSupplier;

/**
 * Kafka Streams' own clients, with one addition: the stream thread's producer and main consumer tell
 * {@link TransactionBudget} when a transaction (exactly-once) or an offset commit (at-least-once) has ended, on the
 * stream thread that ended it. The application's {@code KafkaClientSupplier} bean (RouterStreamFactory).
 */
public class TransactionBoundaryClientSupplier implements KafkaClientSupplier {

    @Override
    public Admin getAdmin(Map<String, Object> config) {
        return Admin.create(config);
    }

    @Override
    public Producer<byte[], byte[]> getProducer(Map<String, Object> config) {
        return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer()) {
            @Override
            public void commitTransaction() {
                try {
                    super.commitTransaction();
                } finally {
                    TransactionBudget.transactionEnded();
                }
            }

            @Override
            public void abortTransaction() {
                try {
                    super.abortTransaction();
                } finally {
                    TransactionBudget.transactionEnded();
                }
            }
        };
    }

    @Override
    public Consumer<byte[], byte[]> getConsumer(Map<String, Object> config) {
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer()) {
            @Override
            public void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets) {
                try {
                    super.commitSync(offsets);
                } finally {
                    TransactionBudget.transactionEnded();
                }
            }
        };
    }

    @Override
    public Consumer<byte[], byte[]> getRestoreConsumer(Map<String, Object> config) {
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    @Override
    public Consumer<byte[], byte[]> getGlobalConsumer(Map<String, Object> config) {
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
