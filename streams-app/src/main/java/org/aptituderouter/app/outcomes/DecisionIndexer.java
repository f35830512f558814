package org.aptituderouter.app.outcomes;

import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.WindowStore;
import org.aptituderouter.schemas.avro.RoutingDecision;

/**
 * Keeps every decision in the decision-index store, by instruction id at its decision time, in the same transaction
 * as the decision itself. The store's retention bounds how late an outcome may arrive.
 */
public final class DecisionIndexer implements Processor<byte[], RoutingDecision, Void, Void> {

    private final String storeName;
    private final boolean keepText;
    private WindowStore<String, byte[]> store;

    /** @param keepText whether to keep the instruction's text, for the outcome corrections */
    public DecisionIndexer(String storeName, boolean keepText) {
        this.storeName = storeName;
        this.keepText = keepText;
    }

    public static ProcessorSupplier<byte[], RoutingDecision, Void, Void> supplier(String storeName, boolean keepText) {
        return () -> new DecisionIndexer(storeName, keepText);
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<byte[], RoutingDecision> record) {
        RoutingDecision decision = record.value();
        int task = decision.getTask() == null ? -1 : decision.getTask();
        String shadow = decision.getShadow() == null ? "" : decision.getShadow().getModelId();
        DecisionIndex entry = new DecisionIndex(
                task,
                decision.getModelId(),
                shadow,
                decision.getCapabilitySetVersion(),
                List.of(),
                keepText ? decision.getInstruction().getText() : "");
        store.put(
                decision.getInstruction().getId(),
                entry.toBytes(),
                decision.getDecidedAt().toEpochMilli());
    }
}
