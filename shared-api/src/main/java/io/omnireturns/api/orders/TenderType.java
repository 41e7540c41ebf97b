package io.omnireturns.api.orders;

public enum TenderType {
    CARD,
    PAYPAL,
    CASH,
    GIFT_CARD,
    STORE_CREDIT
}
