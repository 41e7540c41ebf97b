package io.omnireturns.query.finance;

import io.omnireturns.api.finance.ChannelTotals;
import io.omnireturns.api.finance.CurrencyTotals;
import io.omnireturns.api.finance.Discrepancy;
import io.omnireturns.api.finance.DiscrepancyCount;
import io.omnireturns.api.finance.DiscrepancyKind;
import io.omnireturns.api.finance.InventoryTotals;
import io.omnireturns.api.finance.JurisdictionTaxTotals;
import io.omnireturns.api.finance.LedgerEntryKind;
import io.omnireturns.api.finance.LedgerEntryView;
import io.omnireturns.api.finance.PeriodReconciliation;
import io.omnireturns.api.finance.PeriodState;
import io.omnireturns.api.finance.TenderTotals;
import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.orders.TenderType;
import io.omnireturns.api.returns.Disposition;
import io.omnireturns.api.returns.Grade;
import io.omnireturns.api.returns.RefundMethod;
import io.omnireturns.api.returns.ReturnReason;
import io.omnireturns.api.returns.ClawbackKind;
import io.omnireturns.api.returns.TrustTier;
import io.omnireturns.api.returns.event.ClawbackCharged;
import io.omnireturns.api.returns.event.ClawbackMemoPosted;
import io.omnireturns.api.returns.event.ClawbackDecided;
import io.omnireturns.api.returns.event.CreditMemoPosted;
import io.omnireturns.api.returns.event.EarlyRefundGranted;
import io.omnireturns.api.returns.event.InventoryAdjusted;
import io.omnireturns.api.returns.event.RefundIssued;
import io.omnireturns.api.returns.event.RefundSettled;
import io.omnireturns.api.returns.event.RefundTaxApplied;
import io.omnireturns.api.returns.event.ReplacementOrderCreated;
import io.omnireturns.api.tax.JurisdictionTax;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

import java.util.List;

import static io.omnireturns.query.finance.FinanceFixtures.JACKET;
import static io.omnireturns.query.finance.FinanceFixtures.KETTLE;
import static io.omnireturns.query.finance.FinanceFixtures.SHIRTS;
import static io.omnireturns.query.finance.FinanceFixtures.SHOES;
import static io.omnireturns.query.finance.FinanceFixtures.SOCKS;
import static io.omnireturns.query.finance.FinanceFixtures.accepted;
import static io.omnireturns.query.finance.FinanceFixtures.approved;
import static io.omnireturns.query.finance.FinanceFixtures.eur;
import static io.omnireturns.query.finance.FinanceFixtures.gbp;
import static io.omnireturns.query.finance.FinanceFixtures.inspected;
import static io.omnireturns.query.finance.FinanceFixtures.jacketOrder;
import static io.omnireturns.query.finance.FinanceFixtures.kettleOrder;
import static io.omnireturns.query.finance.FinanceFixtures.line;
import static io.omnireturns.query.finance.FinanceFixtures.lineRefund;
import static io.omnireturns.query.finance.FinanceFixtures.promotedOrder;
import static io.omnireturns.query.finance.FinanceFixtures.requested;
import static io.omnireturns.query.finance.FinanceFixtures.tender;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Totals to the minor unit, every discrepancy kind, the CSV shape and bad requests. */
class ReconciliationIntegrationTest extends FinanceIntegrationTest {

    /**
     * A clean February 2024: every refund has its credit memo and settlement, every accepted item its stock. Figures
     * by hand (see {@link FinanceFixtures} for the orders):
     * <ul>
     * <li>R1, web, EUR: 2 shirts 46.29 + 10.00 tax; 2 pairs of socks 6.16 + 1.26 tax - 0.61 restocking fee; 63.10
     * to the card. Stock: shirts 46.29, socks floor(9.25 * 2 / 3) = 6.16, restocked.</li>
     * <li>R2, store, EUR: jacket 200.00 + 38.00 tax = 238.00, 188.00 to the card and 50.00 to the gift card.
     * Stock 200.00, to refurbish.</li>
     * <li>R3, marketplace, GBP: kettle 49.99 + 8.33 tax, shipping 3.99 + 0.80 = 63.11 by PayPal. Stock 49.99,
     * scrapped.</li>
     * <li>R4, web, EUR: 2 shirts exchanged (56.29), credit memo of 56.29, no refund. Stock 46.29, restocked.</li>
     * <li>R5, store, EUR: the shoes, unsaleable: 69.44 + 15.00 tax all deducted, a zero refund needs neither refund
     * nor credit memo. Stock 69.44, scrapped.</li>
     * </ul>
     */
    @Test
    void a_clean_period_has_no_discrepancy_and_totals_exact_to_the_minor_unit() throws Exception {
        clock.set("2024-03-10T12:00:00Z");
        String r1 = newId("R1");
        story(r1).at("2024-02-01T09:00:00Z",
                requested(r1, promotedOrder(newId("O"), SalesChannel.WEB), SalesChannel.WEB,
                        RefundMethod.ORIGINAL_TENDER, line(SHIRTS, 2, ReturnReason.SIZE_OR_FIT),
                        line(SOCKS, 2, ReturnReason.CHANGED_MIND)),
                inspected(r1, accepted(SHIRTS, 2, Grade.NEW, Disposition.RESTOCK),
                        accepted(SOCKS, 2, Grade.NEW, Disposition.RESTOCK)),
                approved(r1, eur(0), List.of(lineRefund(SHIRTS, 2, eur(4629), eur(1000), eur(0), eur(0)),
                                lineRefund(SOCKS, 2, eur(616), eur(126), eur(61), eur(0))),
                        List.of(tender("T1", TenderType.CARD, eur(6310)))),
                new RefundIssued(r1, "GW-" + r1, eur(6310)),
                new RefundSettled(r1, "GW-" + r1),
                new CreditMemoPosted(r1, "CM-" + r1, eur(6310)),
                new InventoryAdjusted(r1, "ADJ-1-" + r1, SHIRTS, "SKU-SHIRT", Disposition.RESTOCK, "WH-1", 2),
                new InventoryAdjusted(r1, "ADJ-3-" + r1, SOCKS, "SKU-SOCKS", Disposition.RESTOCK, "WH-1", 2));
        String r2 = newId("R2");
        story(r2).at("2024-02-05T09:00:00Z",
                requested(r2, jacketOrder(newId("O")), SalesChannel.STORE, RefundMethod.ORIGINAL_TENDER,
                        line(JACKET, 1, ReturnReason.DEFECTIVE)),
                inspected(r2, accepted(JACKET, 1, Grade.DAMAGED, Disposition.REFURBISH)),
                approved(r2, eur(0), List.of(lineRefund(JACKET, 1, eur(20000), eur(3800), eur(0), eur(0))),
                        List.of(tender("C1", TenderType.CARD, eur(18800)),
                                tender("G1", TenderType.GIFT_CARD, eur(5000)))),
                new RefundIssued(r2, "GW-" + r2, eur(23800)),
                new RefundSettled(r2, "GW-" + r2),
                new CreditMemoPosted(r2, "CM-" + r2, eur(23800)),
                new InventoryAdjusted(r2, "ADJ-" + r2, JACKET, "SKU-JACKET", Disposition.REFURBISH, "S-1", 1));
        String r3 = newId("R3");
        story(r3).at("2024-02-10T09:00:00Z",
                requested(r3, kettleOrder(newId("O")), SalesChannel.MARKETPLACE, RefundMethod.ORIGINAL_TENDER,
                        line(KETTLE, 1, ReturnReason.DEFECTIVE)),
                inspected(r3, accepted(KETTLE, 1, Grade.DAMAGED, Disposition.SCRAP)),
                approved(r3, gbp(479), List.of(lineRefund(KETTLE, 1, gbp(4999), gbp(833), gbp(0), gbp(0))),
                        List.of(tender("P1", TenderType.PAYPAL, gbp(6311)))),
                new RefundIssued(r3, "GW-" + r3, gbp(6311)),
                new RefundSettled(r3, "GW-" + r3),
                new CreditMemoPosted(r3, "CM-" + r3, gbp(6311)),
                new InventoryAdjusted(r3, "ADJ-" + r3, KETTLE, "SKU-KETTLE", Disposition.SCRAP, "WH-UK", 1));
        String r4 = newId("R4");
        story(r4).at("2024-02-15T09:00:00Z",
                requested(r4, promotedOrder(newId("O"), SalesChannel.WEB), SalesChannel.WEB, RefundMethod.EXCHANGE,
                        line(SHIRTS, 2, ReturnReason.SIZE_OR_FIT)),
                inspected(r4, accepted(SHIRTS, 2, Grade.NEW, Disposition.RESTOCK)),
                approved(r4, eur(0), List.of(lineRefund(SHIRTS, 2, eur(4629), eur(1000), eur(0), eur(0))),
                        List.of(tender("T1", TenderType.CARD, eur(5629)))),
                new ReplacementOrderCreated(r4, "RO-" + r4),
                new CreditMemoPosted(r4, "CM-" + r4, eur(5629)),
                new InventoryAdjusted(r4, "ADJ-" + r4, SHIRTS, "SKU-SHIRT", Disposition.RESTOCK, "WH-1", 2));
        String r5 = newId("R5");
        story(r5).at("2024-02-20T09:00:00Z",
                requested(r5, promotedOrder(newId("O"), SalesChannel.STORE), SalesChannel.STORE,
                        RefundMethod.ORIGINAL_TENDER, line(SHOES, 1, ReturnReason.CHANGED_MIND)),
                inspected(r5, accepted(SHOES, 1, Grade.UNSALEABLE, Disposition.SCRAP)),
                approved(r5, eur(0), List.of(lineRefund(SHOES, 1, eur(6944), eur(1500), eur(0), eur(8444))),
                        List.of()),
                new InventoryAdjusted(r5, "ADJ-" + r5, SHOES, "SKU-SHOES", Disposition.SCRAP, "S-1", 1));
        awaitLedgerCaughtUp();

        PeriodReconciliation report = reconciliation("2024-02");

        assertThat(report.period()).isEqualTo("2024-02");
        assertThat(report.timeZone()).isEqualTo("UTC");
        assertThat(report.state()).isEqualTo(PeriodState.OPEN);
        assertThat(report.from()).isEqualTo("2024-02-01T00:00:00Z");
        assertThat(report.to()).isEqualTo("2024-03-01T00:00:00Z");
        assertThat(report.generatedAt()).isEqualTo("2024-03-10T12:00:00Z");
        assertThat(report.closedAt()).isNull();
        assertThat(report.discrepancies().content()).isEmpty();
        assertThat(report.discrepancies().totalElements()).isZero();
        assertThat(report.discrepancyCounts()).hasSize(DiscrepancyKind.values().length)
                .allSatisfy(count -> assertThat(count.count()).isZero());
        assertThat(report.adjustments()).isEmpty();

        assertThat(report.totals()).containsExactly(
                new CurrencyTotals("EUR",
                        eur(6310 + 23800), 2,             // refunds R1, R2
                        eur(6310 + 23800), 2,             // both settled
                        eur(0), 0,
                        eur(6310 + 23800 + 5629), 3,      // credit memos R1, R2, R4
                        eur(5629), 1,                     // the exchange R4
                        eur(4629 + 616 + 20000 + 4629),   // merchandise of those credit memos
                        eur(1000 + 126 + 3800 + 1000),    // their tax
                        eur(61), eur(0), eur(0),          // restocking fee R1, no deduction or shipping credited
                        4 + 1 + 2 + 1, eur(4629 + 616 + 20000 + 4629 + 6944)),
                new CurrencyTotals("GBP",
                        gbp(6311), 1, gbp(6311), 1, gbp(0), 0, gbp(6311), 1, gbp(0), 0,
                        gbp(4999), gbp(833), gbp(0), gbp(0), gbp(479),
                        1, gbp(4999)));
        CurrencyTotals euro = report.totals().get(0);
        assertThat(euro.merchandise().plus(euro.taxAdjustments()).minus(euro.restockingFees())
                .minus(euro.conditionDeductions()).plus(euro.shippingRefunds()))
                .as("the credit memos' parts add up to the credit memos")
                .isEqualTo(euro.creditMemosPosted());
        assertThat(report.byChannel()).containsExactly(
                new ChannelTotals("EUR", SalesChannel.WEB, eur(6310), 1, eur(6310 + 5629), 2, eur(5629), 1),
                new ChannelTotals("EUR", SalesChannel.STORE, eur(23800), 1, eur(23800), 1, eur(0), 0),
                new ChannelTotals("GBP", SalesChannel.MARKETPLACE, gbp(6311), 1, gbp(6311), 1, gbp(0), 0));
        assertThat(report.byTender()).containsExactly(
                new TenderTotals("EUR", TenderType.CARD, eur(6310 + 18800), 2),
                new TenderTotals("EUR", TenderType.GIFT_CARD, eur(5000), 1),
                new TenderTotals("GBP", TenderType.PAYPAL, gbp(6311), 1));
        assertThat(report.inventory()).containsExactly(
                new InventoryTotals("EUR", Disposition.RESTOCK, 2 + 2 + 2, eur(4629 + 616 + 4629)),
                new InventoryTotals("EUR", Disposition.REFURBISH, 1, eur(20000)),
                new InventoryTotals("EUR", Disposition.SCRAP, 1, eur(6944)),
                new InventoryTotals("GBP", Disposition.SCRAP, 1, gbp(4999)));

        // per return: the split refund, the credit memo with its document number and parts, the valued stock
        assertThat(ledger(r2).entries())
                .extracting(LedgerEntryView::kind, LedgerEntryView::amount, LedgerEntryView::tenderType,
                        LedgerEntryView::reference, LedgerEntryView::bookedPeriod)
                .containsExactly(
                        tuple(LedgerEntryKind.ITEMS_ACCEPTED, eur(0), null, "INSP-" + r2, "2024-02"),
                        tuple(LedgerEntryKind.REFUND, eur(18800), TenderType.CARD, "GW-" + r2, "2024-02"),
                        tuple(LedgerEntryKind.REFUND, eur(5000), TenderType.GIFT_CARD, "GW-" + r2, "2024-02"),
                        tuple(LedgerEntryKind.REFUND_SETTLED, eur(23800), null, "GW-" + r2, "2024-02"),
                        tuple(LedgerEntryKind.CREDIT_MEMO, eur(23800), null, "CM-" + r2, "2024-02"),
                        tuple(LedgerEntryKind.MERCHANDISE, eur(20000), null, "CM-" + r2, "2024-02"),
                        tuple(LedgerEntryKind.TAX, eur(3800), null, "CM-" + r2, "2024-02"),
                        tuple(LedgerEntryKind.INVENTORY, eur(20000), null, "ADJ-" + r2, "2024-02"));
    }

    /** April 2024: one return per kind of discrepancy, each otherwise in step. */
    @Test
    void every_kind_of_discrepancy_is_found_on_the_return_that_has_it() throws Exception {
        clock.set("2024-05-10T12:00:00Z");
        String withoutMemo = newId("M1");
        shirtsReturn(withoutMemo, "2024-04-01T09:00:00Z", List.of(SHIRTS),
                new RefundIssued(withoutMemo, "GW-" + withoutMemo, eur(5629)),
                new RefundSettled(withoutMemo, "GW-" + withoutMemo));
        String withoutRefund = newId("M2");
        shirtsReturn(withoutRefund, "2024-04-02T09:00:00Z", List.of(SHIRTS),
                new CreditMemoPosted(withoutRefund, "CM-" + withoutRefund, eur(5629)));
        String mismatch = newId("M3");
        shirtsReturn(mismatch, "2024-04-03T09:00:00Z", List.of(SHIRTS),
                new RefundIssued(mismatch, "GW-" + mismatch, eur(5629)),
                new RefundSettled(mismatch, "GW-" + mismatch),
                new CreditMemoPosted(mismatch, "CM-" + mismatch, eur(5600)));
        String unsettled = newId("M4");
        shirtsReturn(unsettled, "2024-04-04T09:00:00Z", List.of(SHIRTS),
                new RefundIssued(unsettled, "GW-" + unsettled, eur(5629)),
                new CreditMemoPosted(unsettled, "CM-" + unsettled, eur(5629)));
        String stockMissing = newId("M5");
        shirtsReturn(stockMissing, "2024-04-05T09:00:00Z", List.of(),
                new RefundIssued(stockMissing, "GW-" + stockMissing, eur(5629)),
                new RefundSettled(stockMissing, "GW-" + stockMissing),
                new CreditMemoPosted(stockMissing, "CM-" + stockMissing, eur(5629)));
        String refundedTwice = newId("M6");
        shirtsReturn(refundedTwice, "2024-04-06T09:00:00Z", List.of(SHIRTS),
                new RefundIssued(refundedTwice, "GW-A-" + refundedTwice, eur(5629)),
                new RefundSettled(refundedTwice, "GW-A-" + refundedTwice),
                new CreditMemoPosted(refundedTwice, "CM-" + refundedTwice, eur(5629)),
                new RefundIssued(refundedTwice, "GW-B-" + refundedTwice, eur(5629)),
                new RefundSettled(refundedTwice, "GW-B-" + refundedTwice));
        String creditedTwice = newId("M7");
        shirtsReturn(creditedTwice, "2024-04-07T09:00:00Z", List.of(SHIRTS),
                new RefundIssued(creditedTwice, "GW-" + creditedTwice, eur(5629)),
                new RefundSettled(creditedTwice, "GW-" + creditedTwice),
                new CreditMemoPosted(creditedTwice, "CM-A-" + creditedTwice, eur(5629)),
                new CreditMemoPosted(creditedTwice, "CM-B-" + creditedTwice, eur(5629)));
        String exchanged = newId("M8");
        shirtsReturn(exchanged, "2024-04-08T09:00:00Z", List.of(SHIRTS),
                new ReplacementOrderCreated(exchanged, "RO-" + exchanged),
                new CreditMemoPosted(exchanged, "CM-" + exchanged, eur(5629)));
        String taxOutOfStep = newId("M9");
        shirtsReturn(taxOutOfStep, "2024-04-09T09:00:00Z", List.of(SHIRTS),
                new RefundTaxApplied(taxOutOfStep, "TC-" + taxOutOfStep, List.of("CROSS_JURISDICTION"),
                        List.of(new JurisdictionTax("FR", eur(4629), eur(1000)))),
                new RefundIssued(taxOutOfStep, "GW-" + taxOutOfStep, eur(5629)),
                new RefundSettled(taxOutOfStep, "GW-" + taxOutOfStep),
                new CreditMemoPosted(taxOutOfStep, "CM-" + taxOutOfStep, eur(5629),
                        List.of(new JurisdictionTax("FR", eur(4629), eur(990)))));
        String clawedBackWrong = newId("M10"); // refunded early; inspection found 28.14 short, 28.00 charged back
        shirtsReturn(clawedBackWrong, "2024-04-10T09:00:00Z", List.of(SHIRTS),
                new EarlyRefundGranted(clawedBackWrong, eur(5629), TrustTier.TRUSTED),
                new RefundIssued(clawedBackWrong, "GW-" + clawedBackWrong, eur(5629)),
                new RefundSettled(clawedBackWrong, "GW-" + clawedBackWrong),
                new CreditMemoPosted(clawedBackWrong, "CM-" + clawedBackWrong, eur(5629)),
                new ClawbackDecided(clawedBackWrong, eur(5629), eur(2815), eur(2814), ClawbackKind.CHARGE,
                        clawedBackWrong + ":CLAWBACK_CHARGE"),
                new ClawbackCharged(clawedBackWrong, "GW-CB-" + clawedBackWrong, eur(2800)),
                new ClawbackMemoPosted(clawedBackWrong, "DM-" + clawedBackWrong, "CM-" + clawedBackWrong,
                        eur(2800)));
        String notDebited = newId("M11"); // refunded early, 28.14 charged back, the ERP debited only 28.00
        shirtsReturn(notDebited, "2024-04-11T09:00:00Z", List.of(SHIRTS),
                new EarlyRefundGranted(notDebited, eur(5629), TrustTier.TRUSTED),
                new RefundIssued(notDebited, "GW-" + notDebited, eur(5629)),
                new RefundSettled(notDebited, "GW-" + notDebited),
                new CreditMemoPosted(notDebited, "CM-" + notDebited, eur(5629)),
                new ClawbackDecided(notDebited, eur(5629), eur(2815), eur(2814), ClawbackKind.CHARGE,
                        notDebited + ":CLAWBACK_CHARGE"),
                new ClawbackCharged(notDebited, "GW-CB-" + notDebited, eur(2814)),
                new ClawbackMemoPosted(notDebited, "DM-" + notDebited, "CM-" + notDebited, eur(2800)));
        awaitLedgerCaughtUp();

        PeriodReconciliation report = reconciliation("2024-04");

        assertThat(report.discrepancies().content())
                .extracting(Discrepancy::kind, Discrepancy::returnId)
                .containsExactly(
                        tuple(DiscrepancyKind.REFUND_WITHOUT_CREDIT_MEMO, withoutMemo),
                        tuple(DiscrepancyKind.CREDIT_MEMO_WITHOUT_REFUND, withoutRefund),
                        tuple(DiscrepancyKind.AMOUNT_MISMATCH, mismatch),
                        tuple(DiscrepancyKind.REFUND_NOT_SETTLED, unsettled),
                        tuple(DiscrepancyKind.ACCEPTED_ITEM_WITHOUT_INVENTORY_ADJUSTMENT, stockMissing),
                        tuple(DiscrepancyKind.DUPLICATE_REFUND, refundedTwice),
                        tuple(DiscrepancyKind.DUPLICATE_CREDIT_MEMO, creditedTwice),
                        tuple(DiscrepancyKind.TAX_MISMATCH, taxOutOfStep),
                        tuple(DiscrepancyKind.CLAWBACK_MISMATCH, clawedBackWrong),
                        tuple(DiscrepancyKind.CLAWBACK_MEMO_MISMATCH, notDebited));
        assertThat(report.discrepancyCounts()).extracting(DiscrepancyCount::count).containsOnly(1L);
        assertThat(report.discrepancies().content())
                .extracting(Discrepancy::references, Discrepancy::refundAmount, Discrepancy::creditMemoAmount,
                        Discrepancy::difference, Discrepancy::quantity, Discrepancy::orderLineIds)
                .containsExactly(
                        tuple(List.of("GW-" + withoutMemo), eur(5629), null, null, null, List.of(SHIRTS)),
                        tuple(List.of("CM-" + withoutRefund), null, eur(5629), null, null, List.of(SHIRTS)),
                        tuple(List.of("GW-" + mismatch, "CM-" + mismatch), eur(5629), eur(5600), eur(29), null,
                                List.of(SHIRTS)),
                        tuple(List.of("GW-" + unsettled), eur(5629), null, null, null, List.of(SHIRTS)),
                        tuple(List.of("INSP-" + stockMissing), null, null, null, 2, List.of(SHIRTS)),
                        tuple(List.of("GW-A-" + refundedTwice, "GW-B-" + refundedTwice), eur(5629), null, null, null,
                                List.of(SHIRTS)),
                        tuple(List.of("CM-A-" + creditedTwice, "CM-B-" + creditedTwice), null, eur(5629), null,
                                null, List.of(SHIRTS)),
                        tuple(List.of("CM-" + taxOutOfStep), null, eur(5629), null, null, List.of(SHIRTS)),
                        tuple(List.of("GW-CB-" + clawedBackWrong), eur(2800), null, eur(-14), null,
                                List.of(SHIRTS)),
                        tuple(List.of("GW-CB-" + notDebited, "DM-" + notDebited), eur(2814), eur(2800), eur(14),
                                null, List.of(SHIRTS)));
        assertThat(report.taxByJurisdiction()).containsExactly(new JurisdictionTaxTotals("EUR", "FR", eur(1000),
                eur(990), eur(10), false));
        Discrepancy overdue = report.discrepancies().content().get(3);
        assertThat(overdue.occurredAt()).isEqualTo("2024-04-04T09:00:03Z");
        assertThat(overdue.orderId()).isNotBlank();
        assertThat(overdue.channel()).isEqualTo(SalesChannel.WEB);
        assertThat(overdue.detail()).contains("GW-" + unsettled, "56.29 EUR", "36 day(s)");

        // pages of the same list
        PeriodReconciliation second = objectMapper.readValue(reconciliationJson("2024-04", "page=1&size=3"),
                PeriodReconciliation.class);
        assertThat(second.discrepancies().content()).extracting(Discrepancy::returnId)
                .containsExactly(unsettled, stockMissing, refundedTwice);
        assertThat(second.discrepancies()).extracting(page -> page.page(), page -> page.size(),
                page -> page.totalElements(), page -> page.totalPages()).containsExactly(1, 3, 10L, 4);
    }

    @Test
    void a_refund_is_overdue_once_more_than_the_settlement_days_have_passed_on_the_clock() throws Exception {
        String returnId = newId("S");
        LedgerStory story = shirtsReturn(returnId, "2024-06-10T11:59:57Z", List.of(SHIRTS),
                new RefundIssued(returnId, "GW-" + returnId, eur(5629)), // issued at 12:00:00
                new CreditMemoPosted(returnId, "CM-" + returnId, eur(5629)));
        awaitLedgerCaughtUp();

        clock.set("2024-06-13T12:00:00Z");
        assertThat(reconciliation("2024-06").discrepancies().content()).isEmpty();
        clock.set("2024-06-13T12:00:01Z");
        assertThat(reconciliation("2024-06").discrepancies().content())
                .extracting(Discrepancy::kind, Discrepancy::returnId)
                .containsExactly(tuple(DiscrepancyKind.REFUND_NOT_SETTLED, returnId));

        story.at("2024-06-13T15:00:00Z", new RefundSettled(returnId, "GW-" + returnId));
        awaitLedgerCaughtUp();
        assertThat(reconciliation("2024-06").discrepancies().content()).isEmpty();
    }

    @Test
    void csv_has_one_header_the_summary_on_the_first_page_and_one_row_per_discrepancy() throws Exception {
        clock.set("2025-04-10T12:00:00Z");
        String clean = newId("C");
        shirtsReturn(clean, "2025-03-03T09:00:00Z", List.of(SHIRTS),
                new RefundIssued(clean, "GW-" + clean, eur(5629)),
                new RefundSettled(clean, "GW-" + clean),
                new CreditMemoPosted(clean, "CM-" + clean, eur(5629)));
        String noMemo = newId("N");
        shirtsReturn(noMemo, "2025-03-04T09:00:00Z", List.of(SHIRTS),
                new RefundIssued(noMemo, "GW,\"quoted\"-" + noMemo, eur(5629)),
                new RefundSettled(noMemo, "GW,\"quoted\"-" + noMemo));
        String noStock = newId("X");
        shirtsReturn(noStock, "2025-03-05T09:00:00Z", List.of(),
                new RefundIssued(noStock, "GW-" + noStock, eur(5629)),
                new RefundSettled(noStock, "GW-" + noStock),
                new CreditMemoPosted(noStock, "CM-" + noStock, eur(5629)));
        awaitLedgerCaughtUp();

        MvcResult first = mockMvc.perform(get("/api/v1/finance/periods/2025-03/reconciliation?size=1")
                        .accept("text/csv"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andExpect(header().string("X-Total-Count", "2"))
                .andExpect(header().string("X-Total-Pages", "2"))
                .andReturn();
        List<String> rows = csvRows(first);
        assertThat(rows.get(0)).isEqualTo("section,period,state,currency,channel,tender_type,disposition,item,count,"
                + "quantity,amount_minor,amount,return_id,order_id,order_line_ids,references,refund_minor,"
                + "credit_memo_minor,difference_minor,occurred_at,adjusts_period,detail");
        assertThat(rows.subList(1, rows.size())).extracting(row -> row.substring(0, row.indexOf(',')))
                .containsExactly("TOTAL", "TOTAL", "TOTAL", "TOTAL", "TOTAL", "TOTAL", "TOTAL", "TOTAL", "TOTAL",
                        "TOTAL", "TOTAL", "CHANNEL", "CHANNEL", "CHANNEL", "TENDER", "INVENTORY", "DISCREPANCY");
        assertThat(rows).contains(
                "TOTAL,2025-03,OPEN,EUR,,,,REFUNDS_ISSUED,3,,16887,168.87,,,,,,,,,,",
                "TOTAL,2025-03,OPEN,EUR,,,,CREDIT_MEMOS_POSTED,2,,11258,112.58,,,,,,,,,,",
                "TOTAL,2025-03,OPEN,EUR,,,,INVENTORY,,4,9258,92.58,,,,,,,,,,",
                "CHANNEL,2025-03,OPEN,EUR,WEB,,,REFUNDS_ISSUED,3,,16887,168.87,,,,,,,,,,",
                "TENDER,2025-03,OPEN,EUR,,CARD,,REFUNDS_ISSUED,3,,16887,168.87,,,,,,,,,,",
                "INVENTORY,2025-03,OPEN,EUR,,,RESTOCK,INVENTORY,,4,9258,92.58,,,,,,,,,,");
        String discrepancy = rows.get(rows.size() - 1);
        assertThat(discrepancy).startsWith("DISCREPANCY,2025-03,OPEN,EUR,WEB,,,REFUND_WITHOUT_CREDIT_MEMO,1,,5629,56.29,"
                + noMemo + ",");
        assertThat(discrepancy).contains(",L1,\"GW,\"\"quoted\"\"-" + noMemo + "\",5629,,,2025-03-04T09:00:03Z,,");

        MvcResult second = mockMvc.perform(get("/api/v1/finance/periods/2025-03/reconciliation?size=1&page=1")
                        .header("Accept", "application/json;q=0.5, text/csv"))
                .andExpect(status().isOk())
                .andReturn();
        assertThat(csvRows(second)).hasSize(2)
                .last().asString().startsWith("DISCREPANCY,2025-03,OPEN,EUR,WEB,,,"
                        + "ACCEPTED_ITEM_WITHOUT_INVENTORY_ADJUSTMENT,1,2,,," + noStock + ",");

        // JSON unless CSV is asked for
        mockMvc.perform(get("/api/v1/finance/periods/2025-03/reconciliation").accept(MediaType.ALL))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON));
        mockMvc.perform(get("/api/v1/finance/periods/2025-03/reconciliation"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.discrepancies.totalElements").value(2))
                .andExpect(jsonPath("$.totals[0].refundsIssued.minor").value(16887));
    }

    @Test
    void a_bad_period_or_page_is_a_problem_and_an_unknown_return_has_no_ledger() throws Exception {
        for (String period : List.of("2025-13", "2025-1", "202501", "Jan-2025")) {
            mockMvc.perform(get("/api/v1/finance/periods/{period}/reconciliation", period))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.code", is("INVALID_PERIOD")));
        }
        mockMvc.perform(get("/api/v1/finance/periods/2025-00/reconciliation").accept("text/csv"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code", is("INVALID_PERIOD")));
        mockMvc.perform(post("/api/v1/finance/periods/{period}/close", "2025-1"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code", is("INVALID_PERIOD")));
        for (String query : List.of("size=101", "size=0", "page=-1")) {
            mockMvc.perform(get("/api/v1/finance/periods/2025-01/reconciliation?" + query))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code", is("VALIDATION_FAILED")));
        }
        assertThat(objectMapper.readValue(reconciliationJson("2025-01", "size=100"), PeriodReconciliation.class)
                .discrepancies().size()).isEqualTo(100);
        mockMvc.perform(get("/api/v1/finance/returns/{id}/ledger", "R-unknown"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code", is("RETURN_NOT_FOUND")));
    }

    @Test
    void the_ledger_is_built_by_a_pooled_processor_that_dead_letters_what_it_cannot_book() throws Exception {
        assertThat(eventProcessing.eventProcessor(FinanceLedgerProjection.PROCESSING_GROUP))
                .get().isInstanceOf(PooledStreamingEventProcessor.class);
        SequencedDeadLetterQueue<EventMessage<?>> deadLetters = eventProcessing
                .deadLetterQueue(FinanceLedgerProjection.PROCESSING_GROUP).orElseThrow();

        String unknown = newId("U"); // a refund of a return the ledger never heard of
        story(unknown).at("2024-07-01T09:00:00Z", new RefundIssued(unknown, "GW-" + unknown, eur(100)));

        await().atMost(PROJECTION_TIMEOUT).until(() -> deadLetters.sequenceSize(unknown) == 1);
        assertThat(ledgerJson(unknown)).isNull();
    }

    private static List<String> csvRows(MvcResult result) throws Exception {
        String body = result.getResponse().getContentAsString();
        assertThat(body).endsWith("\r\n");
        return List.of(body.split("\r\n"));
    }
}
