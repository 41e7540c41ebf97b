package io.omnireturns.command.policy.gift;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Refunds as a new gift card, {@code omnireturns.policy.gift-card.*} ({@link GiftCardPolicy}): offered to gift
 * returns by default, to other returns only when switched on.
 *
 * <pre>
 * omnireturns.policy.gift-card.gift-returns=true
 * omnireturns.policy.gift-card.other-returns=false
 * </pre>
 */
@ConfigurationProperties(prefix = "omnireturns.policy.gift-card")
public record GiftCardProperties(Boolean giftReturns, Boolean otherReturns) {

    public GiftCardPolicy policy() {
        GiftCardPolicy defaults = GiftCardPolicy.defaults();
        return new GiftCardPolicy(giftReturns == null ? defaults.giftReturns() : giftReturns,
                otherReturns == null ? defaults.otherReturns() : otherReturns);
    }
}
