package io.omnireturns.query.kpi;

import io.omnireturns.api.money.Money;
import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.query.kpi.KpiRepository.FirstInstant;

import java.time.Instant;

/**
 * What the KPI projection records of an event: written at once, statement by statement ({@link KpiRepository}), or
 * kept for the batch and written once per return when it commits ({@link KpiBatch}). Every write is idempotent
 * without a sequence check (first instants kept, the last adjustment wins, interventions keyed by sequence number),
 * so both give the same rows.
 */
interface KpiWrites {

    void requested(String returnId, SalesChannel channel, Instant at);

    void first(FirstInstant instant, String returnId, Instant at);

    /** Stock is restated line by line; the latency runs to the last line's adjustment. */
    void inventoryAdjusted(String returnId, Instant at);

    void refundApproved(String returnId, Money total);

    void creditMemoPosted(String returnId, Money amount, Instant at);

    void milestoneReached(String returnId, String milestone, Instant at);

    void customerNotified(String returnId, String milestone, Instant at);

    void exceptionRetried(String returnId, long sequence, Instant at);

    /**
     * A retry that empties the exception queue also releases the hold, in the same command: the hold resolution
     * right after a retry (previous sequence number) is part of that retry, not a second intervention.
     */
    void holdResolved(String returnId, long sequence, Instant at);
}
