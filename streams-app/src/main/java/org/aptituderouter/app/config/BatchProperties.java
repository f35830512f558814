package org.aptituderouter.app.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.annotation.PostConstruct;
import java.time.Duration;

/**
 * {@code router.batch.*}: how instructions are grouped before one call to the router.
 *
 * <p>Sizing: a flush runs inside the stream thread and inside the open transaction, so the worst-case time of one
 * batch (max-size instructions of max-tokens tokens each, doubled for the record-by-record retry that isolates an
 * inference error) must stay well under both {@code max.poll.interval.ms} and, with exactly-once,
 * {@code transaction.timeout.ms} (10 s by default in Kafka Streams). {@link BatchBudget} checks this at start-up.
 */
@ConfigurationProperties("router.batch")
public class BatchProperties {

    private int maxSize = 16;
    private Duration maxWait = Duration.ofMillis(50);
    private Duration transactionBudget = Duration.ofSeconds(2);

    public int getMaxSize() {
        return maxSize;
    }

    public void setMaxSize(int maxSize) {
        this.maxSize = maxSize;
    }

    public Duration getMaxWait() {
        return maxWait;
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
        if (maxSize < 1) {
            throw new RouterConfigException("router.batch.max-size must be at least 1, was " + maxSize
                    + " (set it to how many instructions one inference call may score, e.g. 16)");
        }
        if (maxWait == null || maxWait.isNegative() || maxWait.isZero()) {
            throw new RouterConfigException("router.batch.max-wait must be a positive duration such as 50ms, was "
                    + maxWait);
        }
        if (transactionBudget == null || transactionBudget.isNegative() || transactionBudget.isZero()) {
            throw new RouterConfigException("router.batch.transaction-budget must be a positive duration such as 2s, "
                    + "was " + transactionBudget);
        }
    }
}
