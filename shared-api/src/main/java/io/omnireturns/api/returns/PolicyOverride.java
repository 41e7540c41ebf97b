package io.omnireturns.api.returns;

/** Which part of the refund policy a goodwill exception sets aside; recorded on the event, so audit sees it. */
public enum PolicyOverride {
    /**
     * The refund is priced without the policy's condition deductions and restocking fees; what was paid is still
     * the ceiling, and lines inspection did not accept are still not refunded.
     */
    DEDUCTIONS_WAIVED
}
