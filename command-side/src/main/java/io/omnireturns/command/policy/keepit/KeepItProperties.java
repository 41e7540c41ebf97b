package io.omnireturns.command.policy.keepit;

import io.omnireturns.api.money.Money;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The "keep it" policy, {@code omnireturns.policy.keep-it.*}. Anything left out takes the default of
 * {@link KeepItPolicy}; a configured map or list replaces the default one, so an empty {@code categories} turns the
 * category rule off and a map naming only EUR keeps no GBP line by price.
 *
 * <pre>
 * omnireturns.policy.keep-it.max-unit-price.EUR=15.00
 * omnireturns.policy.keep-it.categories=personal-care,stationery
 * </pre>
 */
@ConfigurationProperties(prefix = "omnireturns.policy.keep-it")
public record KeepItProperties(Map<String, BigDecimal> maxUnitPrice, List<String> categories) {

    public KeepItPolicy policy() {
        Map<String, Money> limits = new LinkedHashMap<>(KeepItPolicy.DEFAULT_MAX_UNIT_PRICE);
        if (maxUnitPrice != null) {
            limits.clear();
            maxUnitPrice.forEach((currency, amount) -> limits.put(currency, money(currency, amount)));
        }
        return new KeepItPolicy(limits, categories == null ? KeepItPolicy.DEFAULT_CATEGORIES : Set.copyOf(categories));
    }

    /** An amount in major units ({@code 15.00}) as exact money; more decimals than the currency has are refused. */
    private static Money money(String currency, BigDecimal amount) {
        int digits = Currency.getInstance(currency).getDefaultFractionDigits();
        return Money.of(amount.movePointRight(digits).longValueExact(), currency);
    }
}
