package io.omnireturns.command.policy.instantrefund;

/** How a shortfall found at inspection after an early refund is taken back. */
public enum ClawbackMode {
    /** Charged to the card the refund went to, under an idempotency key of its own. */
    CHARGE,
    /** A CRM case for an agent, who settles it with the customer. */
    CASE
}
