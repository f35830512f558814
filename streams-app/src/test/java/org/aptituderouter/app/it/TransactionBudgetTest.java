package org.aptituderouter.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.aptituderouter.app.RouterRuntime;
import org.aptituderouter.app.capability.LiveCapabilities;
import org.aptituderouter.app.routing.TransactionBudget;
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
 * One stream thread owning six partitions, each holding a full batch when the zoo appears (records wait in the
 * stores while no model is routable): every task is due in the same loop of the thread. Without a bound, all six
 * batches go into one transaction (the control run, with a budget nothing reaches, shows it); with
 * {@code router.batch.transaction-budget} below one batch's cost, every transaction holds one batch, and still every
 * instruction is routed exactly once.
 */
class TransactionBudgetTest {

    private static final int PARTITIONS = 6;
    private static final int BATCH = 4;

    @Test
    void oneThreadOwningManyPartitionsCommitsWithinItsBudget() {
        TransactionBudget control = drainBacklog("budget-control", "1h");
        TransactionBudget budget = drainBacklog("budget-bounded", "1ms");
        long unbounded = control.maxBatchesPerTransaction();
        long bounded = budget.maxBatchesPerTransaction();
        System.out.printf(
                "transaction budget, %d partitions on one thread, batches of %d: unbounded %d batches "
                        + "(%d ms of routing) in the fullest transaction; 1 ms budget %d batch (%d ms)%n",
                PARTITIONS,
                BATCH,
                unbounded,
                control.maxRoutingPerTransaction().toMillis(),
                bounded,
                budget.maxRoutingPerTransaction().toMillis());

        assertThat(unbounded)
                .as("batches in one transaction without a reachable budget")
                .isGreaterThan(1);
        assertThat(bounded).as("batches in one transaction with a 1 ms budget").isEqualTo(1);
    }

    private static TransactionBudget drainBacklog(String name, String budget) {
        SharedCluster cluster = SharedCluster.get();
        IsolatedRouter router = new IsolatedRouter(cluster.bootstrapServers(), cluster.registryUrl(), name)
                .with("router.topics.partitions", PARTITIONS)
                .with("router.batch.max-size", BATCH)
                .with("router.batch.max-wait", "20ms")
                .with("router.batch.transaction-budget", budget);
        try (RouterRuntime runtime = router.start()) {
            RouterTopics topics = runtime.context().getBean(RouterTopics.class);
            try (Traffic traffic = new Traffic(router.clientConfig(), topics)) {
                List<InstructionEvent> backlog = TestInstructions.batch(name, PARTITIONS * BATCH * 3);
                traffic.send(backlog);
                // no model yet: the router reads the backlog into its stores and holds it there
                Traffic.await(() -> allRead(router, topics), "the backlog in the stores");
                traffic.publishAll(RouterBundle.bundled().zoo());
                LiveCapabilities live = runtime.context().getBean(LiveCapabilities.class);
                Traffic.await(() -> !live.current().routable().isEmpty(), "the zoo");

                Map<String, List<RoutingDecision>> decisions = traffic.awaitDecisions(
                        backlog.stream().map(InstructionEvent::getId).toList());

                assertThat(decisions.values())
                        .allSatisfy(list -> assertThat(list).hasSize(1));
                return runtime.context().getBean(TransactionBudget.class);
            }
        }
    }

    private static boolean allRead(IsolatedRouter router, RouterTopics topics) {
        return RestartWithBufferedInstructionsTest.inputFullyCommitted(
                router.clientConfig(),
                router.prefix() + "router",
                topics.instructions().name());
    }
}
