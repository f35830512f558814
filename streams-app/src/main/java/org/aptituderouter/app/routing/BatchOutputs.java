package org.aptituderouter.app.routing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.aptituderouter.app.metrics.RouterMetrics;
import org.aptituderouter.core.RoutingOutcome;
import org.aptituderouter.schemas.avro.DeadLetterReason;
import org.aptituderouter.schemas.avro.InstructionEvent;

/**
 * What leaves the batching processor for one instruction: its routed record and decision, or its dead letter,
 * forwarded downstream with the producer's key, timestamp and headers, and counted.
 */
final class BatchOutputs {

    private final ProcessorContext<byte[], RouterOutput> context;
    private final RouterMetrics metrics;
    private final RouterMetrics.BatchMeters meters;

    BatchOutputs(
            ProcessorContext<byte[], RouterOutput> context, RouterMetrics metrics, RouterMetrics.BatchMeters meters) {
        this.context = context;
        this.metrics = metrics;
        this.meters = meters;
    }

    /** The router's outcome: the routed record and its decision, or a dead letter with the reject reason. */
    void outcome(
            PendingInstruction input,
            InstructionEvent event,
            RoutingOutcome outcome,
            String routerVersion,
            long decidedAt) {
        if (outcome instanceof RoutingOutcome.Rejected rejected) {
            deadLetter(input, OutcomeRecords.reason(rejected), rejected.message(), decidedAt);
            return;
        }
        RoutingOutcome.Routed routed = (RoutingOutcome.Routed) outcome;
        Headers headers = copy(input.headers());
        headers.add(BatchingRouteProcessor.MODEL_HEADER, routed.modelId().getBytes(StandardCharsets.UTF_8));
        headers.add(
                BatchingRouteProcessor.PROBABILITY_HEADER,
                Double.toString(routed.probability()).getBytes(StandardCharsets.UTF_8));
        context.forward(new Record<byte[], RouterOutput>(
                input.key(), new RouterOutput.ToModel(routed.modelId(), input.value()), input.timestamp(), headers));
        context.forward(new Record<byte[], RouterOutput>(
                input.key(),
                new RouterOutput.Decision(OutcomeRecords.decision(event, routed, routerVersion, decidedAt)),
                input.timestamp(),
                copy(input.headers())));
        metrics.routed(routed.modelId());
        if (routed.spilledFrom() != null) {
            metrics.spilledOver(routed.spilledFrom());
        }
        if (routed.shadow() != null) {
            metrics.shadowDecision(routed.shadow().modelId().equals(routed.modelId()));
        }
        meters.recordEndToEnd(
                Duration.ofMillis(decidedAt - event.getSubmittedAt().toEpochMilli()));
    }

    void deadLetter(PendingInstruction input, DeadLetterReason reason, String message, long now) {
        context.forward(new Record<byte[], RouterOutput>(
                input.key(),
                new RouterOutput.DeadLettered(OutcomeRecords.deadLetter(input, reason, message, now)),
                input.timestamp(),
                copy(input.headers())));
        metrics.deadLettered(reason.name());
    }

    private static Headers copy(Headers headers) {
        return new RecordHeaders(headers.toArray());
    }
}
