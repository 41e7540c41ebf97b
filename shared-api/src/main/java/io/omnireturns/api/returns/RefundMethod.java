package io.omnireturns.api.returns;

public enum RefundMethod {
    ORIGINAL_TENDER,
    STORE_CREDIT,
    /** Another size or colour of equal price, through a replacement order instead of money. */
    EXCHANGE,
    /**
     * A new gift card issued by the payment gateway: for a gift return its recipient's (never tied to the buyer), else
     * the customer's when the policy offers it ({@code omnireturns.policy.gift-card.*}).
     */
    GIFT_CARD
}
