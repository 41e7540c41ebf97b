package io.omnireturns.api.returns;

import io.omnireturns.api.money.Money;
import io.omnireturns.api.orders.TenderType;

/** The part of a refund that goes back to one tender (or to new store credit, tenderId {@code STORE_CREDIT}). */
public record TenderRefund(String tenderId, TenderType type, Money amount) {
}
