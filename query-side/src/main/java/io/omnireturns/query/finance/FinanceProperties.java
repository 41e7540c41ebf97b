package io.omnireturns.query.finance;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.time.ZoneId;

/**
 * The finance ledger's settings ({@code omnireturns.finance.*}).
 *
 * @param timeZone       accounting periods are calendar months in this zone
 * @param settlementDays a refund still unsettled this many 24-hour days after it was issued is a discrepancy
 */
@ConfigurationProperties("omnireturns.finance")
public record FinanceProperties(@DefaultValue("UTC") ZoneId timeZone, @DefaultValue("3") int settlementDays) {

    public FinanceProperties {
        if (settlementDays < 0) {
            throw new IllegalArgumentException("omnireturns.finance.settlement-days must not be negative");
        }
    }

    public Duration settlementTime() {
        return Duration.ofDays(settlementDays);
    }
}
