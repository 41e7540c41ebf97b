package io.omnireturns.api.finance;

/**
 * Why a booking of an open period is an adjustment of a closed one: the event is dated inside the closed period
 * but reached the ledger after the close ({@code LATE_EVENT}), or it happened later to a return that already has
 * bookings in a closed period ({@code CLOSED_PERIOD_RETURN}).
 */
public enum AdjustmentReason {
    LATE_EVENT,
    CLOSED_PERIOD_RETURN
}
