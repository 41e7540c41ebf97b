package io.omnireturns.query.finance;

import io.omnireturns.api.finance.LedgerEntryKind;
import io.omnireturns.api.money.Money;
import io.omnireturns.api.orders.TenderType;
import io.omnireturns.api.returns.Disposition;
import io.omnireturns.platform.architecture.PlainJava;

import java.util.List;

/**
 * What one event books, before the ledger decides the period: the kind, the amount (zero when the booking has no
 * value) and whichever details the kind has. {@code coveredLines} are the return lines a whole refund, credit
 * memo or exchange stands for.
 */
@PlainJava
record Posting(LedgerEntryKind kind, Money amount, Integer quantity, String orderLineId, String sku,
               Disposition disposition, String locationId, String tenderId, TenderType tenderType, String reference,
               List<String> coveredLines, String jurisdiction) {

    Posting {
        coveredLines = coveredLines == null ? List.of() : List.copyOf(coveredLines);
    }

    static Posting whole(LedgerEntryKind kind, Money amount, String reference, List<String> coveredLines) {
        return new Posting(kind, amount, null, null, null, null, null, null, null, reference, coveredLines, null);
    }

    static Posting refund(Money amount, String tenderId, TenderType tenderType, String gatewayReference,
                          List<String> coveredLines) {
        return new Posting(LedgerEntryKind.REFUND, amount, null, null, null, null, null, tenderId, tenderType,
                gatewayReference, coveredLines, null);
    }

    static Posting differenceRefund(Money amount, String tenderId, TenderType tenderType, String gatewayReference,
                                    List<String> coveredLines) {
        return new Posting(LedgerEntryKind.DIFFERENCE_REFUND, amount, null, null, null, null, null, tenderId,
                tenderType, gatewayReference, coveredLines, null);
    }

    static Posting line(LedgerEntryKind kind, Money amount, int quantity, String orderLineId, String reference) {
        return new Posting(kind, amount, quantity, orderLineId, null, null, null, null, null, reference, List.of(),
                null);
    }

    static Posting stock(LedgerEntryKind kind, Money value, int quantity, String orderLineId, String sku,
                         Disposition disposition, String locationId, String reference) {
        return new Posting(kind, value, quantity, orderLineId, sku, disposition, locationId, null, null, reference,
                List.of(), null);
    }

    /** Tax of one jurisdiction: given back by a refund, or posted by a credit memo ({@code reference}). */
    static Posting tax(LedgerEntryKind kind, Money tax, String jurisdiction, String reference) {
        return new Posting(kind, tax, null, null, null, null, null, null, null, reference, List.of(), jurisdiction);
    }
}
