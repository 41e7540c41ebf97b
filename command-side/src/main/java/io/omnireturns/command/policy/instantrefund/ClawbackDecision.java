package io.omnireturns.command.policy.instantrefund;

import io.omnireturns.api.money.Money;
import io.omnireturns.platform.architecture.PlainJava;

import java.util.Objects;

/**
 * What inspection after an early refund leads to: nothing, or the shortfall taken back by a charge or a CRM case.
 *
 * @param amount the shortfall, exact to the minor unit; zero for {@link Kind#NOTHING}
 */
@PlainJava
public record ClawbackDecision(Kind kind, Money amount) {

    public enum Kind {
        /** Inspection refunds at least what was paid early: nothing to take back. */
        NOTHING,
        /** The shortfall is charged to the card the refund went to. */
        CHARGE,
        /** The shortfall goes to an agent as a CRM case. */
        CASE
    }

    public ClawbackDecision {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(amount, "amount");
        if (kind == Kind.NOTHING ? !amount.isZero() : !amount.isPositive()) {
            throw new IllegalArgumentException("a clawback of " + amount + " cannot be " + kind);
        }
    }
}
