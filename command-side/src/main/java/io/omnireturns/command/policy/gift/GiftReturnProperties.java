package io.omnireturns.command.policy.gift;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Gift returns, {@code omnireturns.policy.gift-return.*}: whether the buyer is told of a return of their gift
 * (by default not: the notices go to the recipient only).
 *
 * <pre>
 * omnireturns.policy.gift-return.notify-buyer=false
 * </pre>
 */
@ConfigurationProperties(prefix = "omnireturns.policy.gift-return")
public record GiftReturnProperties(Boolean notifyBuyer) {

    public boolean buyerNotified() {
        return Boolean.TRUE.equals(notifyBuyer);
    }
}
