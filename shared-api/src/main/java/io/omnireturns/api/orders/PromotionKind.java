package io.omnireturns.api.orders;

public enum PromotionKind {
    ORDER_DISCOUNT,
    BUNDLE
}
