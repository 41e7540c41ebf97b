package io.omnireturns.api.returns;

/** The canonical header status of a return (DESIGN.md). */
public enum ReturnStatus {
    REQUESTED,
    AUTHORIZED,
    REJECTED,
    IN_TRANSIT,
    RECEIVED,
    INSPECTED,
    REFUND_PENDING,
    REFUNDED,
    COMPLETED,
    ON_HOLD,
    CANCELLED,
    EXPIRED;

    public boolean isTerminal() {
        return this == REJECTED || this == COMPLETED || this == CANCELLED || this == EXPIRED;
    }
}
