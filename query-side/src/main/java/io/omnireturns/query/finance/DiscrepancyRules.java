package io.omnireturns.query.finance;

import io.omnireturns.api.finance.AdjustmentReason;
import io.omnireturns.api.finance.Discrepancy;
import io.omnireturns.api.finance.DiscrepancyKind;
import io.omnireturns.api.finance.LedgerAdjustment;
import io.omnireturns.api.finance.LedgerEntryKind;
import io.omnireturns.api.money.Money;
import io.omnireturns.platform.architecture.PlainJava;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What is out of step on one return, judged on all its bookings as they stand now, and the period each
 * discrepancy belongs to: the period of the booking that raised it (the refund, the credit memo, the duplicate, the
 * accepted items; for an amount mismatch the later of the two), so every discrepancy is reported in exactly one
 * period. Pure: no Axon, Spring or SQL.
 * <p>
 * A refund is one refund event (however many tenders it was split over), a credit memo one credit memo event; an
 * exchange counts as a refund paid in goods, at the approved value.
 */
@PlainJava
final class DiscrepancyRules {

    /** A discrepancy and the period that reports it. */
    record Found(YearMonth period, Discrepancy discrepancy) {
    }

    /** One refund, credit memo or exchange: its parts summed. */
    private record Settlement(LedgerEntryKind kind, String reference, Money amount, YearMonth period, Instant at,
                              List<String> lines) {
    }

    private final Duration settlementTime;

    DiscrepancyRules(Duration settlementTime) {
        this.settlementTime = settlementTime;
    }

    List<Found> detect(ReturnBookings bookings, Instant now) {
        List<Settlement> refunds = settlements(bookings, LedgerEntryKind.REFUND);
        List<Settlement> creditMemos = settlements(bookings, LedgerEntryKind.CREDIT_MEMO);
        List<Settlement> exchanges = settlements(bookings, LedgerEntryKind.EXCHANGE);
        Set<String> settledReferences = bookings.entries().stream()
                .filter(entry -> entry.kind() == LedgerEntryKind.REFUND_SETTLED)
                .map(LedgerEntry::reference).collect(Collectors.toSet());

        List<Found> found = new ArrayList<>();
        Settlement refund = refunds.isEmpty() ? null : refunds.get(0);
        Settlement exchange = exchanges.isEmpty() ? null : exchanges.get(0);
        Settlement paid = refund != null ? refund : exchange; // what the credit memo must match
        Settlement creditMemo = creditMemos.isEmpty() ? null : creditMemos.get(0);

        if (paid != null && creditMemo == null && !paid.amount().isZero()) {
            String what = paid == refund ? "refund " + paid.reference()
                    : "exchange by replacement order " + paid.reference();
            found.add(new Found(paid.period(), discrepancy(DiscrepancyKind.REFUND_WITHOUT_CREDIT_MEMO, bookings,
                    paid.lines(), List.of(paid.reference()), paid.amount(), null, null, null, paid.at(),
                    what + " of " + paid.amount() + " has no credit memo")));
        }
        if (creditMemo != null && paid == null && !creditMemo.amount().isZero()) {
            found.add(new Found(creditMemo.period(), discrepancy(DiscrepancyKind.CREDIT_MEMO_WITHOUT_REFUND, bookings,
                    creditMemo.lines(), List.of(creditMemo.reference()), null, creditMemo.amount(), null, null,
                    creditMemo.at(), "credit memo " + creditMemo.reference() + " of " + creditMemo.amount()
                            + " has neither a refund nor an exchange")));
        }
        if (creditMemo != null && paid != null && !creditMemo.amount().equals(paid.amount())) {
            boolean memoLater = creditMemo.period().isAfter(paid.period())
                    || (creditMemo.period().equals(paid.period()) && creditMemo.at().isAfter(paid.at()));
            Settlement later = memoLater ? creditMemo : paid;
            Money difference = creditMemo.amount().currency().equals(paid.amount().currency())
                    ? paid.amount().minus(creditMemo.amount()) : null;
            found.add(new Found(later.period(), discrepancy(DiscrepancyKind.AMOUNT_MISMATCH, bookings,
                    paid.lines(), List.of(paid.reference(), creditMemo.reference()), paid.amount(),
                    creditMemo.amount(), difference, null, later.at(),
                    (paid == refund ? "refund " : "exchange ") + paid.reference() + " of " + paid.amount()
                            + " but credit memo " + creditMemo.reference() + " of " + creditMemo.amount())));
        }
        for (Settlement issued : refunds) {
            if (!settledReferences.contains(issued.reference()) && issued.at().plus(settlementTime).isBefore(now)) {
                found.add(new Found(issued.period(), discrepancy(DiscrepancyKind.REFUND_NOT_SETTLED, bookings,
                        issued.lines(), List.of(issued.reference()), issued.amount(), null, null, null, issued.at(),
                        "refund " + issued.reference() + " of " + issued.amount() + " issued "
                                + Duration.between(issued.at(), now).toDays() + " day(s) ago is not settled")));
            }
        }
        found.addAll(acceptedWithoutStock(bookings));
        found.addAll(clawbackMismatch(bookings));
        found.addAll(clawbackMemoMismatch(bookings));
        found.addAll(taxMismatch(bookings, creditMemo));
        for (Settlement duplicate : refunds.subList(Math.min(1, refunds.size()), refunds.size())) {
            found.add(new Found(duplicate.period(), discrepancy(DiscrepancyKind.DUPLICATE_REFUND, bookings,
                    duplicate.lines(), List.of(refund.reference(), duplicate.reference()), duplicate.amount(), null,
                    null, null, duplicate.at(), "refund " + duplicate.reference() + " of " + duplicate.amount()
                            + " pays the same return lines as refund " + refund.reference() + " again")));
        }
        for (Settlement duplicate : creditMemos.subList(Math.min(1, creditMemos.size()), creditMemos.size())) {
            found.add(new Found(duplicate.period(), discrepancy(DiscrepancyKind.DUPLICATE_CREDIT_MEMO, bookings,
                    duplicate.lines(), List.of(creditMemo.reference(), duplicate.reference()), null,
                    duplicate.amount(), null, null, duplicate.at(), "credit memo " + duplicate.reference() + " of "
                            + duplicate.amount() + " credits the same return lines as credit memo "
                            + creditMemo.reference() + " again")));
        }
        return found;
    }

    /**
     * The bookings of {@code period} that adjust a closed period: events dated inside a closed period that reached
     * the ledger after the close, and later events of a return that has bookings in a closed period.
     */
    static List<LedgerAdjustment> adjustments(YearMonth period, ReturnBookings bookings, Set<YearMonth> closed) {
        YearMonth lastClosedBefore = bookings.entries().stream()
                .map(LedgerEntry::bookedPeriod)
                .filter(booked -> booked.isBefore(period) && closed.contains(booked))
                .max(Comparator.naturalOrder()).orElse(null);
        List<LedgerAdjustment> adjustments = new ArrayList<>();
        for (LedgerEntry entry : bookings.entries()) {
            if (!entry.bookedPeriod().equals(period)) {
                continue;
            }
            if (entry.isAdjustment()) {
                adjustments.add(adjustment(entry, entry.eventPeriod(), AdjustmentReason.LATE_EVENT));
            } else if (lastClosedBefore != null) {
                adjustments.add(adjustment(entry, lastClosedBefore, AdjustmentReason.CLOSED_PERIOD_RETURN));
            }
        }
        return adjustments;
    }

    private static LedgerAdjustment adjustment(LedgerEntry entry, YearMonth adjusts, AdjustmentReason reason) {
        return new LedgerAdjustment(entry.returnId(), entry.orderId(), entry.channel(), entry.kind(), entry.amount(),
                entry.quantity(), entry.orderLineId(), entry.reference(), entry.occurredAt(),
                AccountingPeriods.format(adjusts), reason);
    }

    /** Per return line: items accepted at inspection (or kept and written off) beyond the stock adjusted for them. */
    private static List<Found> acceptedWithoutStock(ReturnBookings bookings) {
        Map<String, LedgerEntry> firstAcceptance = new LinkedHashMap<>();
        Map<String, Integer> accepted = new LinkedHashMap<>();
        Map<String, Integer> adjusted = new LinkedHashMap<>();
        for (LedgerEntry entry : bookings.entries()) {
            if (entry.kind() == LedgerEntryKind.ITEMS_ACCEPTED || entry.kind() == LedgerEntryKind.WRITE_OFF) {
                firstAcceptance.putIfAbsent(entry.orderLineId(), entry);
                accepted.merge(entry.orderLineId(), quantityOf(entry), Integer::sum);
            } else if (entry.kind() == LedgerEntryKind.INVENTORY) {
                adjusted.merge(entry.orderLineId(), quantityOf(entry), Integer::sum);
            }
        }
        List<Found> found = new ArrayList<>();
        accepted.forEach((lineId, quantity) -> {
            int missing = quantity - adjusted.getOrDefault(lineId, 0);
            if (missing > 0) {
                LedgerEntry acceptance = firstAcceptance.get(lineId);
                found.add(new Found(acceptance.bookedPeriod(), discrepancy(
                        DiscrepancyKind.ACCEPTED_ITEM_WITHOUT_INVENTORY_ADJUSTMENT, bookings, List.of(lineId),
                        List.of(acceptance.reference()), null, null, null, missing, acceptance.occurredAt(),
                        missing + " of " + quantity + " accepted item(s) of line " + lineId
                                + " (" + acceptance.sku() + ") have no inventory adjustment")));
            }
        });
        return found;
    }

    /** The refunds, credit memos or exchanges of the return, one per event, parts summed, in the order they came. */
    private static List<Settlement> settlements(ReturnBookings bookings, LedgerEntryKind kind) {
        Map<Long, Settlement> byEvent = new LinkedHashMap<>();
        for (LedgerEntry entry : bookings.entries()) {
            if (entry.kind() == kind) {
                byEvent.merge(entry.sequenceNumber(), new Settlement(kind, entry.reference(), entry.amount(),
                        entry.bookedPeriod(), entry.occurredAt(), entry.coveredLines()), (first, part) ->
                        new Settlement(kind, first.reference(), first.amount().plus(part.amount()), first.period(),
                                first.at(), first.lines()));
            }
        }
        return List.copyOf(byEvent.values());
    }

    /**
     * A return refunded early keeps what inspection allowed: the early refund less what was charged back. A charge
     * for another amount than the shortfall (or a second one) is reported in the charge's period.
     */
    private static List<Found> clawbackMismatch(ReturnBookings bookings) {
        List<Settlement> due = settlements(bookings, LedgerEntryKind.CLAWBACK_DUE);
        List<Settlement> charged = settlements(bookings, LedgerEntryKind.CLAWBACK);
        if (charged.isEmpty()) {
            return List.of();
        }
        Money owed = due.stream().map(Settlement::amount).reduce(Money::plus).orElse(Money.zero(bookings.currency()));
        Money taken = charged.stream().map(Settlement::amount).reduce(Money::plus).orElseThrow();
        if (owed.equals(taken)) {
            return List.of();
        }
        Settlement last = charged.get(charged.size() - 1);
        return List.of(new Found(last.period(), discrepancy(DiscrepancyKind.CLAWBACK_MISMATCH, bookings, last.lines(),
                charged.stream().map(Settlement::reference).toList(), taken, null, taken.minus(owed), null,
                last.at(), "clawed back " + taken + " where inspection found a shortfall of " + owed)));
    }

    /**
     * What was charged back must be taken off the ERP's credit by a debit memo of the same amount, so the ERP and the
     * ledger agree on what inspection allowed. Reported in the period of the later of the two (the charge while no
     * memo is posted).
     */
    private static List<Found> clawbackMemoMismatch(ReturnBookings bookings) {
        List<Settlement> charged = settlements(bookings, LedgerEntryKind.CLAWBACK);
        List<Settlement> memos = settlements(bookings, LedgerEntryKind.CLAWBACK_MEMO);
        if (charged.isEmpty() && memos.isEmpty()) {
            return List.of();
        }
        Money zero = Money.zero(bookings.currency());
        Money taken = charged.stream().map(Settlement::amount).reduce(zero, Money::plus);
        Money debited = memos.stream().map(Settlement::amount).reduce(zero, Money::plus);
        if (taken.equals(debited)) {
            return List.of();
        }
        List<Settlement> both = new ArrayList<>(charged);
        both.addAll(memos);
        Settlement last = both.stream().max(Comparator.comparing(Settlement::period)
                .thenComparing(Settlement::at)).orElseThrow();
        return List.of(new Found(last.period(), discrepancy(DiscrepancyKind.CLAWBACK_MEMO_MISMATCH, bookings,
                last.lines(), both.stream().map(Settlement::reference).toList(), taken, debited,
                taken.minus(debited), null, last.at(), "clawed back " + taken + " but the ERP's debit memos take "
                        + debited + " off the credit memo")));
    }

    private static int quantityOf(LedgerEntry entry) {
        return entry.quantity() == null ? 0 : entry.quantity();
    }

    /**
     * Where the refund's tax was given back per jurisdiction, the credit memo must post the same tax in each
     * jurisdiction; reported in the credit memo's period.
     */
    private static List<Found> taxMismatch(ReturnBookings bookings, Settlement creditMemo) {
        Map<String, Money> given = taxByJurisdiction(bookings, LedgerEntryKind.TAX_GIVEN_BACK);
        if (creditMemo == null || given.isEmpty()) {
            return List.of();
        }
        Map<String, Money> posted = taxByJurisdiction(bookings, LedgerEntryKind.CREDIT_MEMO_TAX);
        Set<String> jurisdictions = new TreeSet<>(given.keySet());
        jurisdictions.addAll(posted.keySet());
        List<String> differing = new ArrayList<>();
        for (String jurisdiction : jurisdictions) {
            Money zero = Money.zero(bookings.currency());
            Money a = given.getOrDefault(jurisdiction, zero);
            Money b = posted.getOrDefault(jurisdiction, zero);
            if (!a.equals(b)) {
                differing.add(jurisdiction + ": given back " + a + ", posted " + b);
            }
        }
        if (differing.isEmpty()) {
            return List.of();
        }
        return List.of(new Found(creditMemo.period(), discrepancy(DiscrepancyKind.TAX_MISMATCH, bookings,
                creditMemo.lines(), List.of(creditMemo.reference()), null, creditMemo.amount(), null, null,
                creditMemo.at(), "credit memo " + creditMemo.reference() + " posts other tax per jurisdiction than"
                        + " the refund gave back (" + String.join("; ", differing) + ")")));
    }

    private static Map<String, Money> taxByJurisdiction(ReturnBookings bookings, LedgerEntryKind kind) {
        Map<String, Money> sums = new TreeMap<>();
        bookings.entries().stream().filter(entry -> entry.kind() == kind && entry.jurisdiction() != null)
                .forEach(entry -> sums.merge(entry.jurisdiction(), entry.amount(), Money::plus));
        return sums;
    }

    private static Discrepancy discrepancy(DiscrepancyKind kind, ReturnBookings bookings, List<String> lines,
                                           List<String> references, Money refundAmount, Money creditMemoAmount,
                                           Money difference, Integer quantity, Instant at, String detail) {
        return new Discrepancy(kind, bookings.returnId(), bookings.orderId(), bookings.channel(), bookings.currency(),
                lines, references,
                refundAmount, creditMemoAmount, difference, quantity, at, detail);
    }
}
