package io.omnireturns.command.policy.instantrefund;

import io.omnireturns.api.money.Money;
import io.omnireturns.platform.architecture.PlainJava;

import java.math.BigInteger;

/**
 * The loyalty points given back when a clawback charges back part of an early refund. Pure. The return's reversal
 * took points for everything refunded early; the customer pays the share charged back after all, so the points
 * reversed for that share come back: {@code floor(pointsReversed x charged / refunded)}, in exact integers (minor
 * units). Rounded down because points are whole and the programme never gives back more than it took for the share
 * (it earns and reverses by whole units rounded down too); the customer loses at most a fraction of one point.
 * Never more than was reversed, since a clawback is never more than the early refund.
 */
@PlainJava
public final class LoyaltyRestoration {

    private LoyaltyRestoration() {
    }

    /**
     * @param pointsReversed what the return's reversal took (zero or less: nothing to give back)
     * @param charged        the clawback charged back
     * @param refunded       the early refund the reversal was figured on
     */
    public static long pointsToRestore(long pointsReversed, Money charged, Money refunded) {
        if (pointsReversed <= 0 || charged == null || refunded == null || !charged.isPositive()
                || !refunded.isPositive()) {
            return 0;
        }
        if (!charged.currency().equals(refunded.currency())) {
            throw new IllegalArgumentException("charged " + charged + " against a refund of " + refunded);
        }
        long share = BigInteger.valueOf(pointsReversed).multiply(BigInteger.valueOf(charged.minor()))
                .divide(BigInteger.valueOf(refunded.minor())).longValueExact(); // both positive: divide floors
        return Math.min(share, pointsReversed);
    }
}
