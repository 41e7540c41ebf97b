package io.omnireturns.api.returns;

public enum LogisticsState {
    EXPECTED,
    IN_TRANSIT,
    PARTIALLY_RECEIVED,
    RECEIVED,
    SHORT,
    WRONG_ITEM,
    NOT_AUTHORIZED
}
