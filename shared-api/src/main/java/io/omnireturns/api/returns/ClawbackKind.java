package io.omnireturns.api.returns;

/** What inspection after an early refund leads to; recorded on {@code ClawbackDecided}. */
public enum ClawbackKind {
    /** Inspection refunds at least what was paid early: nothing is taken back. */
    NOTHING,
    /** The shortfall is charged to the card the refund went to. */
    CHARGE,
    /** The shortfall goes to an agent as a CRM case. */
    CASE
}
