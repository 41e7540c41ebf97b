package io.omnireturns.command.policy.trust;

import io.omnireturns.api.money.Money;
import io.omnireturns.platform.architecture.PlainJava;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * The thresholds of the trust tiers. A customer is {@code TRUSTED} with at least {@code trustedMinReturns} (a history
 * to judge by: a customer we have never seen is {@code STANDARD}) and at most {@code trustedMaxReturns} returns in
 * the look-back window, a return rate of at most {@code trustedMaxRateBasisPoints} and at most
 * {@code trustedMaxReturnedValue} (per currency; a currency not listed is never trusted) returned, and no signal.
 * Signals count only from {@code signalMinReturns} returns on, so one early return is not a pattern: a return rate of
 * {@code watchRateBasisPoints} or more, {@code watchReturnsLast30Days} or more returns in 30 days, or a share of
 * "keep it" or instant refunds of {@code watchShareBasisPoints} or more.
 */
@PlainJava
public record TrustRules(Duration lookBack, int trustedMinReturns, int trustedMaxReturns, long trustedMaxRateBasisPoints,
                         Map<String, Money> trustedMaxReturnedValue, int signalMinReturns, long watchRateBasisPoints,
                         int watchReturnsLast30Days, long watchShareBasisPoints) {

    public TrustRules {
        Objects.requireNonNull(lookBack, "lookBack");
        trustedMaxReturnedValue = Map.copyOf(trustedMaxReturnedValue);
        trustedMaxReturnedValue.forEach((currency, limit) -> {
            if (!currency.equals(limit.currency())) {
                throw new IllegalArgumentException("trusted limit for " + currency + " given in " + limit.currency());
            }
        });
        if (lookBack.isNegative() || lookBack.isZero() || trustedMinReturns < 0 || trustedMaxReturns < trustedMinReturns || signalMinReturns < 1
                || trustedMaxRateBasisPoints < 0 || watchRateBasisPoints <= trustedMaxRateBasisPoints
                || watchReturnsLast30Days < 1 || watchShareBasisPoints < 1 || watchShareBasisPoints > 10_000) {
            throw new IllegalArgumentException("trust thresholds out of range");
        }
    }

    /**
     * 12 months; trusted from 1 to 5 returns, up to 20 % and 500.00 (450.00 GBP) returned; watched from 3 returns at
     * 50 % returned, 5 returns in 30 days, or half of them "keep it" or instant refunds.
     */
    public static TrustRules defaults() {
        return new TrustRules(Duration.ofDays(365), 1, 5, 2_000,
                Map.of("EUR", Money.of(50_000, "EUR"), "USD", Money.of(50_000, "USD"), "GBP", Money.of(45_000, "GBP")),
                3, 5_000, 5, 5_000);
    }
}
