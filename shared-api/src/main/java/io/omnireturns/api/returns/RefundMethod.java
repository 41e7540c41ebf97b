package io.omnireturns.api.returns;

public enum RefundMethod {
    ORIGINAL_TENDER,
    STORE_CREDIT
}
