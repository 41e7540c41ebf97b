package io.omnireturns.query.finance;

import io.omnireturns.api.finance.LedgerEntryKind;
import io.omnireturns.api.finance.LedgerEntryView;
import io.omnireturns.api.money.Money;
import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.orders.TenderType;
import io.omnireturns.api.returns.Disposition;
import io.omnireturns.platform.architecture.PlainJava;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/**
 * One booking of the ledger: part {@code part} of what the event {@code sequenceNumber} of the return booked,
 * counted in {@code bookedPeriod}. {@code eventPeriod} is the period of the event's timestamp; a booking made in a
 * later period because that one was closed is an adjustment.
 */
@PlainJava
record LedgerEntry(String returnId, long sequenceNumber, int part, LedgerEntryKind kind, YearMonth bookedPeriod,
                   YearMonth eventPeriod, Instant occurredAt, String orderId, SalesChannel channel, Money amount,
                   Integer quantity, String orderLineId, String sku, Disposition disposition, String locationId,
                   String tenderId, TenderType tenderType, String reference, List<String> coveredLines,
                   String jurisdiction) {

    LedgerEntry {
        coveredLines = coveredLines == null ? List.of() : List.copyOf(coveredLines);
    }

    /** A booking of no jurisdiction (all but the tax bookings per jurisdiction). */
    LedgerEntry(String returnId, long sequenceNumber, int part, LedgerEntryKind kind, YearMonth bookedPeriod,
                YearMonth eventPeriod, Instant occurredAt, String orderId, SalesChannel channel, Money amount,
                Integer quantity, String orderLineId, String sku, Disposition disposition, String locationId,
                String tenderId, TenderType tenderType, String reference, List<String> coveredLines) {
        this(returnId, sequenceNumber, part, kind, bookedPeriod, eventPeriod, occurredAt, orderId, channel, amount,
                quantity, orderLineId, sku, disposition, locationId, tenderId, tenderType, reference, coveredLines,
                null);
    }

    static LedgerEntry of(LedgerState state, long sequenceNumber, int part, Posting posting, YearMonth bookedPeriod,
                          YearMonth eventPeriod, Instant occurredAt) {
        return new LedgerEntry(state.returnId(), sequenceNumber, part, posting.kind(), bookedPeriod, eventPeriod,
                occurredAt, state.orderId(), state.channel(), posting.amount(), posting.quantity(),
                posting.orderLineId(), posting.sku(), posting.disposition(), posting.locationId(), posting.tenderId(),
                posting.tenderType(), posting.reference(), posting.coveredLines(), posting.jurisdiction());
    }

    boolean isAdjustment() {
        return !bookedPeriod.equals(eventPeriod);
    }

    LedgerEntryView toView() {
        return new LedgerEntryView(kind, AccountingPeriods.format(bookedPeriod), AccountingPeriods.format(eventPeriod),
                isAdjustment(), occurredAt, amount, quantity, orderLineId, sku, disposition, locationId, tenderId,
                tenderType, reference, jurisdiction);
    }
}
