package io.omnireturns.command.policy.config;

import io.omnireturns.command.policy.refund.SettlementTerms;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * What the shopper is offered for not taking the money back, and how long a quote of it holds (also under
 * {@code omnireturns.policy.*}, beside {@link PolicyProperties}):
 *
 * <pre>
 * omnireturns.policy.store-credit-bonus-bps=1000   # 10 % more when refunded as store credit (default)
 * omnireturns.policy.exchange-bonus-bps=0          # share of the returned value added towards an exchange (default none)
 * omnireturns.policy.quote-validity=7d             # a quote is honoured this long (default)
 * </pre>
 */
@ConfigurationProperties(prefix = "omnireturns.policy")
public record SettlementPolicyProperties(Integer storeCreditBonusBps, Integer exchangeBonusBps,
                                         Duration quoteValidity) {

    public static final int DEFAULT_STORE_CREDIT_BONUS_BPS = 1000;
    public static final int DEFAULT_EXCHANGE_BONUS_BPS = 0;
    public static final Duration DEFAULT_QUOTE_VALIDITY = Duration.ofDays(7);

    public SettlementPolicyProperties {
        storeCreditBonusBps = storeCreditBonusBps != null ? storeCreditBonusBps : DEFAULT_STORE_CREDIT_BONUS_BPS;
        exchangeBonusBps = exchangeBonusBps != null ? exchangeBonusBps : DEFAULT_EXCHANGE_BONUS_BPS;
        quoteValidity = quoteValidity != null ? quoteValidity : DEFAULT_QUOTE_VALIDITY;
        if (quoteValidity.isNegative() || quoteValidity.isZero()) {
            throw new IllegalArgumentException("omnireturns.policy.quote-validity must be positive, got " + quoteValidity);
        }
    }

    public SettlementTerms terms() {
        return new SettlementTerms(storeCreditBonusBps, exchangeBonusBps);
    }
}
