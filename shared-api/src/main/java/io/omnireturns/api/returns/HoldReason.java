package io.omnireturns.api.returns;

public enum HoldReason {
    FRAUD_REVIEW,
    INSPECTION_MISMATCH,
    REFUND_FAILED,
    POSTING_FAILED,
    INTEGRATION_FAILURE,
    MANUAL,
    /** Eligibility could not be decided in time (the request was recorded, its decision was lost or failed). */
    DECISION_OVERDUE
}
