package io.omnireturns.api.orders;

import io.omnireturns.api.money.Money;

/** How (part of) an order was paid. */
public record Tender(String tenderId, TenderType type, Money amount, String reference) {
}
