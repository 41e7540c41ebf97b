package io.omnireturns.command.policy.trust;

import io.omnireturns.api.money.Money;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Trust tiers, {@code omnireturns.policy.trust.*}: whether the request assesses them, and the thresholds of
 * {@link TrustRules}. Anything left out takes the value of {@link TrustRules#defaults()}; a configured
 * {@code trusted-max-returned-value} map replaces the default one (a currency it does not name is never trusted).
 *
 * <pre>
 * omnireturns.policy.trust.enabled=true
 * omnireturns.policy.trust.look-back=365d
 * omnireturns.policy.trust.trusted-min-returns=1
 * omnireturns.policy.trust.trusted-max-returns=5
 * omnireturns.policy.trust.trusted-max-rate-basis-points=2000
 * omnireturns.policy.trust.trusted-max-returned-value.EUR=500.00
 * omnireturns.policy.trust.signal-min-returns=3
 * omnireturns.policy.trust.watch-rate-basis-points=5000
 * omnireturns.policy.trust.watch-returns-last30-days=5
 * omnireturns.policy.trust.watch-share-basis-points=5000
 * </pre>
 */
@ConfigurationProperties(prefix = "omnireturns.policy.trust")
public record TrustProperties(Boolean enabled, Duration lookBack, Integer trustedMinReturns, Integer trustedMaxReturns,
                              Long trustedMaxRateBasisPoints, Map<String, BigDecimal> trustedMaxReturnedValue,
                              Integer signalMinReturns, Long watchRateBasisPoints, Integer watchReturnsLast30Days,
                              Long watchShareBasisPoints) {

    /** On unless switched off: without it every customer is {@code STANDARD} and no signal reaches fraud scoring. */
    public boolean on() {
        return !Boolean.FALSE.equals(enabled);
    }

    public TrustRules rules() {
        TrustRules defaults = TrustRules.defaults();
        Map<String, Money> limits = new LinkedHashMap<>(defaults.trustedMaxReturnedValue());
        if (trustedMaxReturnedValue != null) {
            limits.clear();
            trustedMaxReturnedValue.forEach((currency, amount) -> limits.put(currency, money(currency, amount)));
        }
        return new TrustRules(
                orDefault(lookBack, defaults.lookBack()),
                orDefault(trustedMinReturns, defaults.trustedMinReturns()),
                orDefault(trustedMaxReturns, defaults.trustedMaxReturns()),
                orDefault(trustedMaxRateBasisPoints, defaults.trustedMaxRateBasisPoints()),
                limits,
                orDefault(signalMinReturns, defaults.signalMinReturns()),
                orDefault(watchRateBasisPoints, defaults.watchRateBasisPoints()),
                orDefault(watchReturnsLast30Days, defaults.watchReturnsLast30Days()),
                orDefault(watchShareBasisPoints, defaults.watchShareBasisPoints()));
    }

    private static <T> T orDefault(T configured, T fallback) {
        return configured != null ? configured : fallback;
    }

    /** An amount in major units ({@code 500.00}) as exact money; more decimals than the currency has are refused. */
    private static Money money(String currency, BigDecimal amount) {
        int digits = Currency.getInstance(currency).getDefaultFractionDigits();
        return Money.of(amount.movePointRight(digits).longValueExact(), currency);
    }
}
