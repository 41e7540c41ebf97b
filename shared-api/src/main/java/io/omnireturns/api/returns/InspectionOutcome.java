package io.omnireturns.api.returns;

public enum InspectionOutcome {
    PENDING,
    ACCEPTED,
    PARTIALLY_ACCEPTED,
    REJECTED,
    MANUAL_REVIEW
}
