package io.omnireturns.query.finance;

import io.omnireturns.api.finance.LedgerEntryKind;
import io.omnireturns.api.finance.LedgerEntryView;
import io.omnireturns.api.money.Money;
import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.orders.TenderType;
import io.omnireturns.api.returns.ClawbackKind;
import io.omnireturns.api.returns.Disposition;
import io.omnireturns.api.returns.Grade;
import io.omnireturns.api.returns.RefundMethod;
import io.omnireturns.api.returns.ReturnReason;
import io.omnireturns.api.returns.TrustTier;
import io.omnireturns.api.returns.event.ClawbackCharged;
import io.omnireturns.api.returns.event.ClawbackDecided;
import io.omnireturns.api.returns.event.ClawbackMemoPosted;
import io.omnireturns.api.returns.event.EarlyExchangeGranted;
import io.omnireturns.api.finance.Discrepancy;
import io.omnireturns.api.finance.DiscrepancyKind;
import io.omnireturns.api.returns.event.CreditMemoPosted;
import io.omnireturns.api.returns.event.EarlyRefundGranted;
import io.omnireturns.api.returns.event.InventoryAdjusted;
import io.omnireturns.api.returns.event.RefundIssued;
import io.omnireturns.api.returns.event.RefundSettled;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.omnireturns.query.finance.FinanceFixtures.SHIRTS;
import static io.omnireturns.query.finance.FinanceFixtures.accepted;
import static io.omnireturns.query.finance.FinanceFixtures.approved;
import static io.omnireturns.query.finance.FinanceFixtures.eur;
import static io.omnireturns.query.finance.FinanceFixtures.inspected;
import static io.omnireturns.query.finance.FinanceFixtures.line;
import static io.omnireturns.query.finance.FinanceFixtures.lineRefund;
import static io.omnireturns.query.finance.FinanceFixtures.promotedOrder;
import static io.omnireturns.query.finance.FinanceFixtures.requested;
import static io.omnireturns.query.finance.FinanceFixtures.tender;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A return refunded at the first carrier scan: two shirts (46.29 + 10.00 tax) refunded early, 56.29 to the card;
 * inspection accepts one, and would have refunded 28.15: the 28.14 shortfall is charged back. Refunded less clawed
 * back is what inspection allowed, and the period reconciles (a charge of another amount is in
 * {@link ReconciliationIntegrationTest}).
 */
class EarlyRefundReconciliationIntegrationTest extends FinanceIntegrationTest {

    private static final Money EARLY = eur(5629);
    private static final Money INSPECTED = eur(2815);
    private static final Money SHORTFALL = eur(2814);

    @Test
    void an_early_refund_and_its_clawback_are_booked_as_such_and_the_period_reconciles() throws Exception {
        clock.set("2025-07-10T12:00:00Z");
        String returnId = newId("E");
        earlyRefundedAndInspected(returnId, "2025-06-02T09:00:00Z", SHORTFALL).at("2025-06-02T10:00:00Z",
                new ClawbackMemoPosted(returnId, "DM-" + returnId, "CM-" + returnId, SHORTFALL));
        awaitLedgerCaughtUp();

        assertThat(reconciliation("2025-06").discrepancies().content()).isEmpty();
        List<LedgerEntryView> entries = ledger(returnId).entries();
        assertThat(entries).extracting(LedgerEntryView::kind, LedgerEntryView::amount)
                .contains(tuple(LedgerEntryKind.EARLY_REFUND, EARLY), tuple(LedgerEntryKind.REFUND, EARLY),
                        tuple(LedgerEntryKind.CLAWBACK_DUE, SHORTFALL), tuple(LedgerEntryKind.CLAWBACK, SHORTFALL),
                        tuple(LedgerEntryKind.CLAWBACK_MEMO, SHORTFALL));
        Money refunded = sum(entries, LedgerEntryKind.REFUND);
        Money clawedBack = sum(entries, LedgerEntryKind.CLAWBACK);
        assertThat(refunded.minus(clawedBack)).as("what inspection allowed").isEqualTo(INSPECTED);
        Money credited = sum(entries, LedgerEntryKind.CREDIT_MEMO);
        Money debited = sum(entries, LedgerEntryKind.CLAWBACK_MEMO);
        assertThat(credited.minus(debited)).as("what the ERP books: what inspection allowed").isEqualTo(INSPECTED);
    }

    @Test
    void a_clawback_charged_that_the_erp_has_not_debited_is_a_discrepancy_until_its_memo_is_posted()
            throws Exception {
        clock.set("2025-07-10T12:00:00Z");
        String returnId = newId("E");
        LedgerStory story = earlyRefundedAndInspected(returnId, "2025-06-03T09:00:00Z", SHORTFALL);
        awaitLedgerCaughtUp();

        assertThat(reconciliation("2025-06").discrepancies().content())
                .filteredOn(found -> found.returnId().equals(returnId))
                .extracting(Discrepancy::kind, Discrepancy::refundAmount, Discrepancy::creditMemoAmount)
                .containsExactly(tuple(DiscrepancyKind.CLAWBACK_MEMO_MISMATCH, SHORTFALL, eur(0)));

        story.at("2025-06-03T10:00:00Z",
                new ClawbackMemoPosted(returnId, "DM-" + returnId, "CM-" + returnId, SHORTFALL));
        awaitLedgerCaughtUp();

        assertThat(reconciliation("2025-06").discrepancies().content())
                .noneMatch(found -> found.returnId().equals(returnId));
    }

    @Test
    void an_exchange_settled_at_the_first_scan_is_marked_as_such() throws Exception {
        clock.set("2025-07-10T12:00:00Z");
        String returnId = newId("X");
        story(returnId).at("2025-06-04T09:00:00Z",
                requested(returnId, promotedOrder(newId("O"), SalesChannel.WEB), SalesChannel.WEB,
                        RefundMethod.EXCHANGE, line(SHIRTS, 2, ReturnReason.SIZE_OR_FIT)),
                new EarlyExchangeGranted(returnId, EARLY, TrustTier.TRUSTED));
        awaitLedgerCaughtUp();

        assertThat(ledger(returnId).entries()).extracting(LedgerEntryView::kind, LedgerEntryView::amount)
                .containsExactly(tuple(LedgerEntryKind.EARLY_EXCHANGE, EARLY));
    }

    private LedgerStory earlyRefundedAndInspected(String returnId, String at, Money charged) { // charged: the clawback
        return story(returnId).at(at,
                requested(returnId, promotedOrder(newId("O"), SalesChannel.WEB), SalesChannel.WEB,
                        RefundMethod.ORIGINAL_TENDER, line(SHIRTS, 2, ReturnReason.SIZE_OR_FIT)),
                new EarlyRefundGranted(returnId, EARLY, TrustTier.TRUSTED),
                approved(returnId, eur(0), List.of(lineRefund(SHIRTS, 2, eur(4629), eur(1000), eur(0), eur(0))),
                        List.of(tender("T1", TenderType.CARD, EARLY))),
                new RefundIssued(returnId, "GW-" + returnId, EARLY),
                new RefundSettled(returnId, "GW-" + returnId),
                new CreditMemoPosted(returnId, "CM-" + returnId, EARLY),
                inspected(returnId, accepted(SHIRTS, 1, Grade.NEW, Disposition.RESTOCK)),
                new ClawbackDecided(returnId, EARLY, INSPECTED, SHORTFALL, ClawbackKind.CHARGE,
                        returnId + ":CLAWBACK_CHARGE"),
                new ClawbackCharged(returnId, "GW-CB-" + returnId, charged),
                new InventoryAdjusted(returnId, "ADJ-" + returnId, SHIRTS, "SKU-SHIRT", Disposition.RESTOCK, "WH-1",
                        1));
    }

    private static Money sum(List<LedgerEntryView> entries, LedgerEntryKind kind) {
        return entries.stream().filter(entry -> entry.kind() == kind).map(LedgerEntryView::amount)
                .reduce(Money::plus).orElseThrow();
    }
}
