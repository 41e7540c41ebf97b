package io.omnireturns.api.returns;

public enum HoldReason {
    FRAUD_REVIEW,
    INSPECTION_MISMATCH,
    REFUND_FAILED,
    POSTING_FAILED,
    INTEGRATION_FAILURE,
    MANUAL
}
