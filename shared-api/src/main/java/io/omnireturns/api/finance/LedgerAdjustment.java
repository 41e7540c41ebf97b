package io.omnireturns.api.finance;

import io.omnireturns.api.money.Money;
import io.omnireturns.api.orders.SalesChannel;

import java.time.Instant;

/** A booking of this (open) period that adjusts the closed period {@code adjustsPeriod}, and why. */
public record LedgerAdjustment(String returnId, String orderId, SalesChannel channel, LedgerEntryKind kind,
                               Money amount, Integer quantity, String orderLineId, String reference,
                               Instant occurredAt, String adjustsPeriod, AdjustmentReason reason) {
}
