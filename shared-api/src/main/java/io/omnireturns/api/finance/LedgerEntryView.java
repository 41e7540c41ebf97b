package io.omnireturns.api.finance;

import io.omnireturns.api.money.Money;
import io.omnireturns.api.orders.TenderType;
import io.omnireturns.api.returns.Disposition;

import java.time.Instant;

/**
 * One booking. {@code eventPeriod} is the period of the event's timestamp, {@code bookedPeriod} where it counts:
 * the same unless the event's own period was already closed when the ledger saw it ({@code adjustment}).
 * Line, stock and tender fields are set only for the kinds they describe; {@code reference} is the gateway
 * reference, credit memo document number, replacement order, inventory adjustment id or failure code;
 * {@code jurisdiction} is set on tax bookings per jurisdiction.
 */
public record LedgerEntryView(LedgerEntryKind kind, String bookedPeriod, String eventPeriod, boolean adjustment,
                              Instant occurredAt, Money amount, Integer quantity, String orderLineId, String sku,
                              Disposition disposition, String locationId, String tenderId, TenderType tenderType,
                              String reference, String jurisdiction) {
}
