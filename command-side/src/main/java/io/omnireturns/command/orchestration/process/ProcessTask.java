package io.omnireturns.command.orchestration.process;

import io.omnireturns.api.returns.ProcessStep;

/**
 * The process's own work for a return, besides remote steps: local commands it sends and clocks it watches. Their
 * renderings are the step keys the exception queue has always used for them, so exceptions raised before the typed
 * keys (by the old saga) are still recognised.
 */
public enum ProcessTask implements ProcessKey {
    /** {@code DecideRefund} once inspected; the return raises its exception under this key when the ledger refuses. */
    REFUND_DECISION("REFUND_DECISION"),
    /** {@code DecideEarlyRefund} at the parcel's first carrier scan; the instant-refund policy may decline it. */
    EARLY_REFUND_DECISION("EARLY_REFUND_DECISION"),
    /** {@code DecideClawback} once a return refunded early is inspected. */
    CLAWBACK_DECISION("CLAWBACK_DECISION"),
    /** {@code RecordRefundRequested} for a refund approved before {@code DecideRefund} requested it in one go. */
    REFUND_REQUEST("REFUND_REQUEST"),
    /** The wait for the gateway to settle an issued refund; past the SLA it goes to the exception queue. */
    REFUND_SETTLEMENT("REFUND_SETTLEMENT"),
    /** The wait for the parcel; past the receipt expiry the return expires. */
    RECEIPT_EXPIRY("RECEIPT_EXPIRY"),
    /** {@code CompleteReturn} once every system is in step. */
    COMPLETION("COMPLETION"),
    /** Deciding a return still undecided after its decision time-out ({@code OverdueDecision}). */
    ELIGIBILITY_DECISION(ProcessStep.DECIDE_ELIGIBILITY.name());

    private final String rendering;

    ProcessTask(String rendering) {
        this.rendering = rendering;
    }

    @Override
    public String render() {
        return rendering;
    }
}
