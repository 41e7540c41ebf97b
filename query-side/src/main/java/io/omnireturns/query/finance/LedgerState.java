package io.omnireturns.query.finance;

import io.omnireturns.api.finance.LedgerEntryKind;
import io.omnireturns.api.money.Money;
import io.omnireturns.api.orders.OrderLine;
import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.returns.Disposition;
import io.omnireturns.api.returns.InspectedLine;
import io.omnireturns.api.returns.KeptLine;
import io.omnireturns.api.returns.LineRefund;
import io.omnireturns.api.returns.RefundBreakdown;
import io.omnireturns.api.returns.RefundMethod;
import io.omnireturns.api.returns.TenderRefund;
import io.omnireturns.api.returns.event.CreditMemoPosted;
import io.omnireturns.api.returns.event.InventoryAdjusted;
import io.omnireturns.api.returns.event.RefundApproved;
import io.omnireturns.api.returns.ClawbackKind;
import io.omnireturns.api.returns.event.ClawbackCharged;
import io.omnireturns.api.returns.event.ClawbackDecided;
import io.omnireturns.api.returns.event.DifferenceCharged;
import io.omnireturns.api.returns.event.EarlyRefundGranted;
import io.omnireturns.api.returns.event.EarlyExchangeGranted;
import io.omnireturns.api.returns.event.ClawbackMemoPosted;
import io.omnireturns.api.returns.event.RefundFailed;
import io.omnireturns.api.returns.event.RefundIssued;
import io.omnireturns.api.returns.event.RefundSettled;
import io.omnireturns.api.returns.event.RefundTaxApplied;
import io.omnireturns.api.returns.event.ReplacementOrderCreated;
import io.omnireturns.api.returns.event.ReturnLinesInspected;
import io.omnireturns.api.returns.event.ReturnLinesKept;
import io.omnireturns.api.returns.event.ReturnRequested;
import io.omnireturns.api.tax.JurisdictionTax;
import io.omnireturns.platform.architecture.PlainJava;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the ledger knows of one return between its events, and what each financial event books. Pure: no Axon,
 * Spring or SQL, so every booking rule is tested on its own.
 * <p>
 * A refund is known by its gateway reference, a credit memo by its document number, an exchange by its
 * replacement order, a stock movement by its adjustment id: an event repeating one of them books nothing
 * (the same confirmation twice is one payment). Another reference is another booking, which the reconciliation
 * then reports as a duplicate.
 *
 * @param lines          the order's lines: SKU, quantity bought and net paid merchandise ({@link InventoryValuation})
 * @param approved       the approved refund, null until then
 * @param refunds        refunds issued, by gateway reference, in the order they were issued
 * @param inventoryUnits units of each line whose stock was adjusted so far (for the valuation slices)
 */
@PlainJava
record LedgerState(String returnId, String orderId, SalesChannel channel, String currency,
                   RefundMethod refundMethod, Map<String, LineFacts> lines, RefundBreakdown approved,
                   Map<String, Money> refunds, List<String> settledRefunds, List<String> creditMemos,
                   List<String> replacementOrders, Map<String, Integer> inventoryUnits,
                   List<String> inventoryAdjustments) {

    /** One order line as the ledger values it. */
    record LineFacts(String sku, int quantity, Money netMerchandise) {
    }

    LedgerState {
        lines = ordered(lines);
        refunds = ordered(refunds);
        settledRefunds = settledRefunds == null ? List.of() : List.copyOf(settledRefunds);
        creditMemos = creditMemos == null ? List.of() : List.copyOf(creditMemos);
        replacementOrders = replacementOrders == null ? List.of() : List.copyOf(replacementOrders);
        inventoryUnits = ordered(inventoryUnits);
        inventoryAdjustments = inventoryAdjustments == null ? List.of() : List.copyOf(inventoryAdjustments);
    }

    static LedgerState opened(ReturnRequested event) {
        Map<String, Money> net = InventoryValuation.netMerchandise(event.order());
        Map<String, LineFacts> lines = new LinkedHashMap<>();
        for (OrderLine line : event.order().lines()) {
            lines.put(line.lineId(), new LineFacts(line.sku(), line.quantity(), net.get(line.lineId())));
        }
        return new LedgerState(event.returnId(), event.orderId(), event.channel(), event.order().currency(),
                event.refundMethod(), lines, null, Map.of(), List.of(), List.of(), List.of(), Map.of(), List.of());
    }

    /** Accepted items are what inventory must account for: their quantity is booked, without value. */
    Booking on(ReturnLinesInspected event) {
        List<Posting> postings = new ArrayList<>();
        for (InspectedLine line : event.lines()) {
            if (line.acceptedQuantity() > 0) {
                LineFacts facts = lines.get(line.orderLineId());
                postings.add(Posting.stock(LedgerEntryKind.ITEMS_ACCEPTED, zero(), line.acceptedQuantity(),
                        line.orderLineId(), facts == null ? null : facts.sku(), line.disposition(), null,
                        event.inspectionId()));
            }
        }
        return new Booking(this, postings);
    }

    /**
     * Goods the customer keeps ("keep it") are written off: per line the quantity and the value, at the price paid
     * ({@link InventoryValuation}). Like an accepted item, each must be matched by the line's stock adjustment.
     */
    Booking on(ReturnLinesKept event) {
        List<Posting> postings = new ArrayList<>();
        for (KeptLine line : event.lines()) {
            LineFacts facts = lines.get(line.orderLineId());
            Money value = facts == null ? zero()
                    : InventoryValuation.slice(facts.netMerchandise(), facts.quantity(), 0, line.quantity());
            postings.add(Posting.stock(LedgerEntryKind.WRITE_OFF, value, line.quantity(), line.orderLineId(),
                    facts == null ? null : facts.sku(), Disposition.SCRAP, null, returnId + ":KEPT"));
        }
        return new Booking(this, postings);
    }

    /** The decision is kept for the bookings it shapes (tender split, credit memo parts); it books nothing. */
    Booking on(RefundApproved event) {
        return Booking.nothing(new LedgerState(returnId, orderId, channel, currency, refundMethod, lines,
                event.breakdown(), refunds, settledRefunds, creditMemos, replacementOrders, inventoryUnits,
                inventoryAdjustments));
    }

    /** Money paid back: one booking per tender of the approved split when the amounts agree, else one unsplit. */
    Booking on(RefundIssued event) {
        if (refunds.containsKey(event.gatewayReference())) {
            return Booking.nothing(this);
        }
        List<Posting> postings = new ArrayList<>();
        if (refundMethod == RefundMethod.EXCHANGE) {
            // an exchange pays back only a cheaper replacement's difference: booked apart from the goods' value
            postings.add(Posting.differenceRefund(event.amount(), null, null, event.gatewayReference(),
                    approvedLines()));
        } else if (approved != null && refundMethod == RefundMethod.STORE_CREDIT
                && event.amount().isGreaterThan(approved.total()) && !approved.tenders().isEmpty()) {
            // the refund plus a quoted store-credit bonus: the refund as approved, the bonus booked apart
            for (TenderRefund tender : approved.tenders()) {
                postings.add(Posting.refund(tender.amount(), tender.tenderId(), tender.type(),
                        event.gatewayReference(), approvedLines()));
            }
            postings.add(Posting.whole(LedgerEntryKind.STORE_CREDIT_BONUS, event.amount().minus(approved.total()),
                    event.gatewayReference(), approvedLines()));
        } else if (approved != null && approved.total().equals(event.amount()) && !approved.tenders().isEmpty()) {
            for (TenderRefund tender : approved.tenders()) {
                postings.add(Posting.refund(tender.amount(), tender.tenderId(), tender.type(),
                        event.gatewayReference(), approvedLines()));
            }
        } else {
            postings.add(Posting.refund(event.amount(), null, null, event.gatewayReference(), approvedLines()));
        }
        Map<String, Money> issued = new LinkedHashMap<>(refunds);
        issued.put(event.gatewayReference(), event.amount());
        return new Booking(new LedgerState(returnId, orderId, channel, currency, refundMethod, lines, approved,
                issued, settledRefunds, creditMemos, replacementOrders, inventoryUnits, inventoryAdjustments),
                postings);
    }

    /** Settles the refund of that gateway reference, or else the earliest one still unsettled. */
    Booking on(RefundSettled event) {
        String settles = refunds.containsKey(event.gatewayReference())
                && !settledRefunds.contains(event.gatewayReference())
                ? event.gatewayReference()
                : refunds.keySet().stream().filter(reference -> !settledRefunds.contains(reference))
                        .findFirst().orElse(null);
        if (settles == null) {
            return Booking.nothing(this); // nothing issued is waiting for it
        }
        return new Booking(new LedgerState(returnId, orderId, channel, currency, refundMethod, lines, approved,
                refunds, append(settledRefunds, settles), creditMemos, replacementOrders, inventoryUnits,
                inventoryAdjustments),
                List.of(Posting.whole(LedgerEntryKind.REFUND_SETTLED, refunds.get(settles), settles, List.of())));
    }

    /** Only a refusal for good matters to finance (a retryable failure is retried); valued at the approved total. */
    Booking on(RefundFailed event) {
        if (!event.finalFailure()) {
            return Booking.nothing(this);
        }
        Money amount = approved == null ? zero() : approved.total();
        return new Booking(this, List.of(Posting.whole(LedgerEntryKind.REFUND_FAILED, amount, event.failureCode(),
                approvedLines())));
    }

    /**
     * The ERP's credit memo, with the parts of the approved refund it reverses: merchandise, tax, restocking fee,
     * condition deduction per line, and shipping (parts of zero are left out).
     */
    Booking on(CreditMemoPosted event) {
        if (creditMemos.contains(event.documentNumber())) {
            return Booking.nothing(this);
        }
        String document = event.documentNumber();
        List<Posting> postings = new ArrayList<>();
        postings.add(Posting.whole(LedgerEntryKind.CREDIT_MEMO, event.amount(), document, approvedLines()));
        if (approved != null) {
            for (LineRefund line : approved.lines()) {
                addLinePart(postings, LedgerEntryKind.MERCHANDISE, line.merchandise(), line, document);
                addLinePart(postings, LedgerEntryKind.TAX, line.tax(), line, document);
                addLinePart(postings, LedgerEntryKind.RESTOCKING_FEE, line.restockingFee(), line, document);
                addLinePart(postings, LedgerEntryKind.CONDITION_DEDUCTION, line.conditionDeduction(), line, document);
            }
            if (!approved.shippingRefund().isZero()) {
                postings.add(Posting.whole(LedgerEntryKind.SHIPPING, approved.shippingRefund(), document, List.of()));
            }
        }
        for (JurisdictionTax tax : event.taxByJurisdiction()) {
            postings.add(Posting.tax(LedgerEntryKind.CREDIT_MEMO_TAX, tax.tax(), tax.jurisdiction(), document));
        }
        return new Booking(new LedgerState(returnId, orderId, channel, currency, refundMethod, lines, approved,
                refunds, settledRefunds, append(creditMemos, document), replacementOrders, inventoryUnits,
                inventoryAdjustments), postings);
    }

    /** The tax the approved refund gives back, per jurisdiction, as the tax service figured it. */
    Booking on(RefundTaxApplied event) {
        List<Posting> postings = new ArrayList<>();
        for (JurisdictionTax tax : event.byJurisdiction()) {
            postings.add(Posting.tax(LedgerEntryKind.TAX_GIVEN_BACK, tax.tax(), tax.jurisdiction(),
                    event.calculationId()));
        }
        return new Booking(this, postings);
    }

    /** An exchange settles in goods: booked at the approved refund's value, no money moves. */
    Booking on(ReplacementOrderCreated event) {
        if (replacementOrders.contains(event.replacementOrderId())) {
            return Booking.nothing(this);
        }
        Money value = approved == null ? zero() : approved.total();
        return new Booking(new LedgerState(returnId, orderId, channel, currency, refundMethod, lines, approved,
                refunds, settledRefunds, creditMemos, append(replacementOrders, event.replacementOrderId()),
                inventoryUnits, inventoryAdjustments),
                List.of(Posting.whole(LedgerEntryKind.EXCHANGE, value, event.replacementOrderId(), approvedLines())));
    }

    /** A dearer replacement's difference, charged to the original card: money in, booked as such. */
    Booking on(DifferenceCharged event) {
        return new Booking(this, List.of(Posting.whole(LedgerEntryKind.DIFFERENCE_CHARGE, event.amount(),
                event.gatewayReference(), approvedLines())));
    }

    /** A refund decided at the first carrier scan: marked as such; its money is booked by the refund's issue. */
    Booking on(EarlyRefundGranted event) {
        return new Booking(this, List.of(Posting.whole(LedgerEntryKind.EARLY_REFUND, event.amount(),
                returnId + ":EARLY_REFUND", List.of())));
    }

    /** An exchange settled at the first carrier scan: marked as such; its goods are booked by the replacement order. */
    Booking on(EarlyExchangeGranted event) {
        return new Booking(this, List.of(Posting.whole(LedgerEntryKind.EARLY_EXCHANGE, event.returnedValue(),
                returnId + ":EARLY_EXCHANGE", List.of())));
    }

    /** The ERP's debit memo for a clawback charged: the ERP's credit for the return reduced by it. */
    Booking on(ClawbackMemoPosted event) {
        return new Booking(this, List.of(Posting.whole(LedgerEntryKind.CLAWBACK_MEMO, event.amount(),
                event.documentNumber(), approvedLines())));
    }

    /** The shortfall inspection found after an early refund (nothing when there is none). */
    Booking on(ClawbackDecided event) {
        if (!event.amount().isPositive()) {
            return Booking.nothing(this);
        }
        return new Booking(this, List.of(Posting.whole(LedgerEntryKind.CLAWBACK_DUE, event.amount(),
                event.kind() == ClawbackKind.CHARGE ? event.chargeKey() : returnId + ":CLAWBACK_CASE",
                approvedLines())));
    }

    /** The shortfall charged back to the card: money in. */
    Booking on(ClawbackCharged event) {
        return new Booking(this, List.of(Posting.whole(LedgerEntryKind.CLAWBACK, event.amount(),
                event.gatewayReference(), approvedLines())));
    }

    /** A stock movement, valued by {@link InventoryValuation} (an unknown line is worth nothing). */
    Booking on(InventoryAdjusted event) {
        if (inventoryAdjustments.contains(event.adjustmentId())) {
            return Booking.nothing(this);
        }
        int before = inventoryUnits.getOrDefault(event.orderLineId(), 0);
        LineFacts facts = lines.get(event.orderLineId());
        Money value = facts == null ? zero()
                : InventoryValuation.slice(facts.netMerchandise(), facts.quantity(), before, event.quantity());
        Map<String, Integer> units = new LinkedHashMap<>(inventoryUnits);
        units.put(event.orderLineId(), before + Math.max(event.quantity(), 0));
        return new Booking(new LedgerState(returnId, orderId, channel, currency, refundMethod, lines, approved,
                refunds, settledRefunds, creditMemos, replacementOrders, units,
                append(inventoryAdjustments, event.adjustmentId())),
                List.of(Posting.stock(LedgerEntryKind.INVENTORY, value, event.quantity(), event.orderLineId(),
                        event.sku(), event.disposition(), event.locationId(), event.adjustmentId())));
    }

    /** The return lines of the approved refund, each once. */
    private List<String> approvedLines() {
        return approved == null ? List.of()
                : approved.lines().stream().map(LineRefund::orderLineId).distinct().toList();
    }

    private Money zero() {
        return Money.zero(currency);
    }

    private static void addLinePart(List<Posting> postings, LedgerEntryKind kind, Money amount, LineRefund line,
                                    String document) {
        if (!amount.isZero()) {
            postings.add(Posting.line(kind, amount, line.quantity(), line.orderLineId(), document));
        }
    }

    private static List<String> append(List<String> list, String value) {
        List<String> appended = new ArrayList<>(list);
        appended.add(value);
        return appended;
    }

    private static <V> Map<String, V> ordered(Map<String, V> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
