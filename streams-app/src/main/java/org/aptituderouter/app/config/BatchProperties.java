package org.aptituderouter.app.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Property;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import java.time.Duration;
import org.aptituderouter.core.encoder.EncoderFamily;

/**
 * {@code router.batch.*}: how instructions are grouped before one call to the router.
 *
 * <p>Sizing: a flush runs inside the stream thread and inside the open transaction, so the worst-case time of one
 * batch (max-size instructions of max-tokens tokens each, doubled for the record-by-record retry that isolates an
 * inference error) must stay well under both {@code max.poll.interval.ms} and, with exactly-once,
 * {@code transaction.timeout.ms} (10 s by default in Kafka Streams). {@link BatchBudget} checks this at start-up.
 *
 * <p>Unset, max-size and max-wait follow the encoder: 16 instructions or 50 ms for MiniLM, whose batch costs tens of
 * milliseconds per instruction, and 256 or 5 ms for the static encoder, whose batch of 256 costs under 10 ms: a
 * short wait keeps latency low when traffic is light, and large batches keep the per-batch work (a store scan, one
 * router call) small per instruction when it is heavy.
 */
@ConfigurationProperties("router.batch")
public class BatchProperties {

    private final EncoderFamily encoder;
    private Integer maxSize;
    private Duration maxWait;
    private Duration transactionBudget = Duration.ofSeconds(2);

    @Inject
    public BatchProperties(@Property(name = "router.inference.encoder", defaultValue = "minilm") String encoder) {
        this.encoder = parseEncoder(encoder);
    }

    /** MiniLM's defaults, for code that builds settings by hand. */
    public BatchProperties() {
        this(EncoderFamily.MINILM.label());
    }

    /** An unknown encoder gets MiniLM's defaults here; {@link InferenceProperties} stops start-up over it. */
    private static EncoderFamily parseEncoder(String encoder) {
        try {
            return EncoderFamily.parse(encoder);
        } catch (IllegalArgumentException e) {
            return EncoderFamily.MINILM;
        }
    }

    /** The configured max-size, else the encoder's default (16 for MiniLM, 256 for the static encoder). */
    public int getMaxSize() {
        return maxSize != null ? maxSize : encoder == EncoderFamily.STATIC ? 256 : 16;
    }

    public void setMaxSize(int maxSize) {
        this.maxSize = maxSize;
    }

    /** The configured max-wait, else the encoder's default (50 ms for MiniLM, 5 ms for the static encoder). */
    public Duration getMaxWait() {
        return maxWait != null ? maxWait : Duration.ofMillis(encoder == EncoderFamily.STATIC ? 5 : 50);
    }

    public void setMaxWait(Duration maxWait) {
        this.maxWait = maxWait;
    }

    /**
     * Routing time one stream thread may put in one transaction, over all its partitions; the batch that crosses it
     * is the last before the commit ({@link org.aptituderouter.app.routing.TransactionBudget}).
     */
    public Duration getTransactionBudget() {
        return transactionBudget;
    }

    public void setTransactionBudget(Duration transactionBudget) {
        this.transactionBudget = transactionBudget;
    }

    @PostConstruct
    void validate() {
        if (getMaxSize() < 1) {
            throw new RouterConfigException("router.batch.max-size must be at least 1, was " + maxSize
                    + " (set it to how many instructions one inference call may score, e.g. 16)");
        }
        if (maxWait != null && (maxWait.isNegative() || maxWait.isZero())) {
            throw new RouterConfigException(
                    "router.batch.max-wait must be a positive duration such as 50ms, was " + maxWait);
        }
        if (transactionBudget == null || transactionBudget.isNegative() || transactionBudget.isZero()) {
            throw new RouterConfigException("router.batch.transaction-budget must be a positive duration such as 2s, "
                    + "was " + transactionBudget);
        }
    }
}
