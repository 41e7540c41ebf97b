package io.omnireturns.command.policy.refund;

import io.omnireturns.api.money.Money;

import static io.omnireturns.command.policy.refund.RefundRules.WHOLE_IN_BASIS_POINTS;

/**
 * The bonuses a shopper is offered for not taking money back to the original payment: a share (basis points) of the
 * returned value, rounded down, added when the refund is paid as store credit or settled as an exchange.
 */
public record SettlementTerms(int storeCreditBonusBasisPoints, int exchangeBonusBasisPoints) {

    public SettlementTerms {
        requireRate(storeCreditBonusBasisPoints, "store credit bonus");
        requireRate(exchangeBonusBasisPoints, "exchange bonus");
    }

    public static SettlementTerms none() {
        return new SettlementTerms(0, 0);
    }

    /** The store-credit bonus on a refund of {@code value}: rounded down, a fraction of a minor unit is not paid. */
    public Money storeCreditBonus(Money value) {
        return value.fraction(storeCreditBonusBasisPoints, WHOLE_IN_BASIS_POINTS);
    }

    /** The exchange bonus on returned items worth {@code value}, rounded down. */
    public Money exchangeBonus(Money value) {
        return value.fraction(exchangeBonusBasisPoints, WHOLE_IN_BASIS_POINTS);
    }

    private static void requireRate(int basisPoints, String what) {
        if (basisPoints < 0 || basisPoints > WHOLE_IN_BASIS_POINTS) {
            throw new IllegalArgumentException(what + " must be 0 to " + WHOLE_IN_BASIS_POINTS
                    + " basis points, got " + basisPoints);
        }
    }
}
