package io.omnireturns.api.returns;

public enum RefundMethod {
    ORIGINAL_TENDER,
    STORE_CREDIT,
    /** Another size or colour of equal price, through a replacement order instead of money. */
    EXCHANGE
}
