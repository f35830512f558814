package org.aptituderouter.app.routing;

import java.time.Duration;
import java.util.concurrent.atomic.LongAccumulator;

/**
 * Bounds the routing done inside one transaction per stream thread, whatever number of tasks (partitions) the thread
 * owns. A stream thread commits once per loop for all its tasks; without this bound, a thread that owns many
 * partitions during a backlog would route a full batch for each of them before committing, and the transaction would
 * grow with the partition count toward {@code transaction.timeout.ms}. With it, a task routes a batch only while its
 * thread's open transaction has spent less than the budget on routing (the first batch always goes), and asks for a
 * commit once the budget is spent; the other tasks' batches wait, durable in their stores, for the next transaction.
 *
 * <p>A transaction's end is signalled by {@link TransactionBoundaryClientSupplier}, on the stream thread itself.
 * Without that signal (another client supplier configured), the budget never engages and every batch may go.
 */
public final class TransactionBudget {

    private static final ThreadLocal<Window> WINDOW = ThreadLocal.withInitial(Window::new);

    private final long budgetNanos;
    private final LongAccumulator maxBatches = new LongAccumulator(Math::max, 0);
    private final LongAccumulator maxRoutingNanos = new LongAccumulator(Math::max, 0);

    public TransactionBudget(Duration budget) {
        if (budget.isNegative() || budget.isZero()) {
            throw new IllegalArgumentException("the transaction budget must be positive, not " + budget);
        }
        this.budgetNanos = budget.toNanos();
    }

    /** Whether this thread's open transaction may take another batch. */
    public boolean allowsAnotherBatch() {
        Window window = WINDOW.get();
        return !window.signalled || window.batches == 0 || window.routingNanos < budgetNanos;
    }

    /**
     * Counts a routed batch against this thread's open transaction.
     *
     * @return true when the budget is now spent: the caller should request a commit
     */
    public boolean spend(long routingNanos) {
        Window window = WINDOW.get();
        window.batches++;
        window.routingNanos += routingNanos;
        maxBatches.accumulate(window.batches);
        maxRoutingNanos.accumulate(window.routingNanos);
        return window.routingNanos >= budgetNanos;
    }

    /** Called on the stream thread when its transaction committed or aborted (or, without exactly-once, its offsets). */
    static void transactionEnded() {
        Window window = WINDOW.get();
        window.signalled = true;
        window.batches = 0;
        window.routingNanos = 0;
    }

    /** The most batches one transaction held, over the tasks that routed through this budget. */
    public long maxBatchesPerTransaction() {
        return maxBatches.get();
    }

    /** The most routing time one transaction held, over the tasks that routed through this budget. */
    public Duration maxRoutingPerTransaction() {
        return Duration.ofNanos(maxRoutingNanos.get());
    }

    private static final class Window {
        boolean signalled;
        int batches;
        long routingNanos;
    }
}
