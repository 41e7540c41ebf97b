package io.omnireturns.command.policy.trust;

import io.omnireturns.api.money.Money;

import java.util.Objects;

/**
 * What our own events say about one customer's returns over the look-back window (12 months unless configured), in one
 * currency: how many returns they started, what those returns were worth against what was bought on the orders
 * concerned (we see an order only when a return starts on it), how many started in the last 30 days, and how many
 * were "keep it" returns or refunded at the first carrier scan.
 */
public record CustomerReturnRecord(String customerId, int returns, Money returnedValue, Money purchasedValue,
                                   int returnsLast30Days, int keepItReturns, int instantRefunds) {

    public CustomerReturnRecord {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(returnedValue, "returnedValue");
        Objects.requireNonNull(purchasedValue, "purchasedValue");
        if (!returnedValue.currency().equals(purchasedValue.currency())) {
            throw new IllegalArgumentException("returned and purchased values are in different currencies");
        }
        if (returns < 0 || returnsLast30Days < 0 || keepItReturns < 0 || instantRefunds < 0
                || returnsLast30Days > returns || keepItReturns > returns || instantRefunds > returns) {
            throw new IllegalArgumentException("inconsistent return counts for customer " + customerId);
        }
        if (returnedValue.isNegative() || purchasedValue.isNegative()) {
            throw new IllegalArgumentException("negative values for customer " + customerId);
        }
    }

    /** A customer we have never seen return anything. */
    public static CustomerReturnRecord none(String customerId, String currency) {
        return new CustomerReturnRecord(customerId, 0, Money.zero(currency), Money.zero(currency), 0, 0, 0);
    }

    /** Returned value as a share of purchased value, in basis points, rounded down; 0 when nothing was bought. */
    public long returnRateBasisPoints() {
        if (!purchasedValue.isPositive()) {
            return 0;
        }
        return Math.multiplyExact(returnedValue.minor(), 10_000L) / purchasedValue.minor();
    }

    /** {@code part} of the returns, in basis points of all of them, rounded down; 0 without returns. */
    static long shareBasisPoints(int part, int returns) {
        return returns == 0 ? 0 : part * 10_000L / returns;
    }
}
