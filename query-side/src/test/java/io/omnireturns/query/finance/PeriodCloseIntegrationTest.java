package io.omnireturns.query.finance;

import io.omnireturns.api.finance.AdjustmentReason;
import io.omnireturns.api.finance.CurrencyTotals;
import io.omnireturns.api.finance.Discrepancy;
import io.omnireturns.api.finance.DiscrepancyKind;
import io.omnireturns.api.finance.LedgerAdjustment;
import io.omnireturns.api.finance.LedgerEntryKind;
import io.omnireturns.api.finance.LedgerEntryView;
import io.omnireturns.api.finance.PeriodReconciliation;
import io.omnireturns.api.finance.PeriodState;
import io.omnireturns.api.returns.event.CreditMemoPosted;
import io.omnireturns.api.returns.event.RefundIssued;
import io.omnireturns.api.returns.event.RefundSettled;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.ResultActions;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static io.omnireturns.query.finance.FinanceFixtures.SHIRTS;
import static io.omnireturns.query.finance.FinanceFixtures.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Closing a period: the frozen report, adjustments of later events, refusals, and a replay that keeps all of it. */
class PeriodCloseIntegrationTest extends FinanceIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_closed_period_keeps_its_report_and_what_comes_later_is_booked_as_adjustments_in_the_open_period()
            throws Exception {
        clock.set("2024-09-05T10:00:00Z");
        String clean = newId("P1");
        shirtsReturn(clean, "2024-08-10T09:00:00Z", List.of(SHIRTS),
                new RefundIssued(clean, "GW-" + clean, eur(5629)),
                new RefundSettled(clean, "GW-" + clean),
                new CreditMemoPosted(clean, "CM-" + clean, eur(5629)));
        String open = newId("P2");
        LedgerStory openStory = shirtsReturn(open, "2024-08-25T09:00:00Z", List.of(SHIRTS),
                new RefundIssued(open, "GW-" + open, eur(5629)));
        awaitLedgerCaughtUp();
        PeriodReconciliation beforeClose = reconciliation("2024-08");
        assertThat(beforeClose.discrepancies().content()).extracting(Discrepancy::kind, Discrepancy::returnId)
                .containsExactly(tuple(DiscrepancyKind.REFUND_WITHOUT_CREDIT_MEMO, open),
                        tuple(DiscrepancyKind.REFUND_NOT_SETTLED, open));

        String closeAnswer = close("2024-08", "finance-anna")
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        PeriodReconciliation closed = objectMapper.readValue(closeAnswer, PeriodReconciliation.class);
        assertThat(closed.state()).isEqualTo(PeriodState.CLOSED);
        assertThat(closed.closedAt()).isEqualTo("2024-09-05T10:00:00Z");
        assertThat(closed.closedBy()).isEqualTo("finance-anna");
        assertThat(closed).usingRecursiveComparison().ignoringFields("state", "closedAt", "closedBy")
                .isEqualTo(beforeClose);
        assertThat(reconciliationJson("2024-08", "")).isEqualTo(closeAnswer);

        close("2024-08", "finance-ben").andExpect(status().isConflict())
                .andExpect(jsonPath("$.code", is("PERIOD_ALREADY_CLOSED")));
        close("2024-09", "finance-ben").andExpect(status().isConflict())
                .andExpect(jsonPath("$.code", is("PERIOD_NOT_ENDED")));
        close("2024-10", "finance-ben").andExpect(status().isConflict())
                .andExpect(jsonPath("$.code", is("PERIOD_NOT_ENDED")));

        // after the close: the settlement of P2 dated in August (late), its credit memo in September, and a whole
        // return dated in August that reaches the ledger only now
        openStory.at("2024-08-28T10:00:00Z", new RefundSettled(open, "GW-" + open));
        openStory.at("2024-09-03T10:00:00Z", new CreditMemoPosted(open, "CM-" + open, eur(5629)));
        String late = newId("P3");
        shirtsReturn(late, "2024-08-30T09:00:00Z", List.of(SHIRTS),
                new RefundIssued(late, "GW-" + late, eur(5629)),
                new RefundSettled(late, "GW-" + late),
                new CreditMemoPosted(late, "CM-" + late, eur(5629)));
        awaitLedgerCaughtUp();
        clock.set("2024-09-06T10:00:00Z");

        assertThat(reconciliationJson("2024-08", "")).as("the closed report does not change").isEqualTo(closeAnswer);
        PeriodReconciliation september = reconciliation("2024-09");
        assertThat(september.state()).isEqualTo(PeriodState.OPEN);
        assertThat(september.discrepancies().content()).isEmpty();
        assertThat(september.adjustments())
                .extracting(LedgerAdjustment::returnId, LedgerAdjustment::kind, LedgerAdjustment::amount,
                        LedgerAdjustment::adjustsPeriod, LedgerAdjustment::reason)
                .containsExactly(
                        tuple(open, LedgerEntryKind.REFUND_SETTLED, eur(5629), "2024-08", AdjustmentReason.LATE_EVENT),
                        tuple(late, LedgerEntryKind.ITEMS_ACCEPTED, eur(0), "2024-08", AdjustmentReason.LATE_EVENT),
                        tuple(late, LedgerEntryKind.REFUND, eur(5629), "2024-08", AdjustmentReason.LATE_EVENT),
                        tuple(late, LedgerEntryKind.REFUND_SETTLED, eur(5629), "2024-08", AdjustmentReason.LATE_EVENT),
                        tuple(late, LedgerEntryKind.CREDIT_MEMO, eur(5629), "2024-08", AdjustmentReason.LATE_EVENT),
                        tuple(late, LedgerEntryKind.MERCHANDISE, eur(4629), "2024-08", AdjustmentReason.LATE_EVENT),
                        tuple(late, LedgerEntryKind.TAX, eur(1000), "2024-08", AdjustmentReason.LATE_EVENT),
                        tuple(late, LedgerEntryKind.INVENTORY, eur(4629), "2024-08", AdjustmentReason.LATE_EVENT),
                        tuple(open, LedgerEntryKind.CREDIT_MEMO, eur(5629), "2024-08",
                                AdjustmentReason.CLOSED_PERIOD_RETURN),
                        tuple(open, LedgerEntryKind.MERCHANDISE, eur(4629), "2024-08",
                                AdjustmentReason.CLOSED_PERIOD_RETURN),
                        tuple(open, LedgerEntryKind.TAX, eur(1000), "2024-08", AdjustmentReason.CLOSED_PERIOD_RETURN));
        CurrencyTotals euro = september.totals().get(0);
        assertThat(euro.refundsIssued()).isEqualTo(eur(5629));
        assertThat(euro.refundsSettled()).isEqualTo(eur(5629 + 5629));
        assertThat(euro.creditMemosPosted()).isEqualTo(eur(5629 + 5629));
        assertThat(euro.inventoryValue()).isEqualTo(eur(4629));

        assertThat(ledger(open).entries())
                .filteredOn(entry -> entry.kind() == LedgerEntryKind.REFUND_SETTLED)
                .extracting(LedgerEntryView::bookedPeriod, LedgerEntryView::eventPeriod, LedgerEntryView::adjustment,
                        LedgerEntryView::occurredAt)
                .containsExactly(tuple("2024-09", "2024-08", true, Instant.parse("2024-08-28T10:00:00Z")));
    }

    @Test
    void a_replay_rebuilds_the_same_ledger_and_never_touches_a_closed_period() throws Exception {
        clock.set("2025-01-10T10:00:00Z");
        String clean = newId("Q1");
        shirtsReturn(clean, "2024-11-05T09:00:00Z", List.of(SHIRTS),
                new RefundIssued(clean, "GW-" + clean, eur(5629)),
                new RefundSettled(clean, "GW-" + clean),
                new CreditMemoPosted(clean, "CM-" + clean, eur(5629)));
        String memoLate = newId("Q2");
        LedgerStory memoLateStory = shirtsReturn(memoLate, "2024-11-20T09:00:00Z", List.of(SHIRTS),
                new RefundIssued(memoLate, "GW-" + memoLate, eur(5629)),
                new RefundSettled(memoLate, "GW-" + memoLate));
        awaitLedgerCaughtUp();
        close("2024-11", "finance-cem").andExpect(status().isOk());
        memoLateStory.at("2024-11-29T10:00:00Z", new CreditMemoPosted(memoLate, "CM-" + memoLate, eur(5600)));
        String december = newId("Q3");
        shirtsReturn(december, "2024-12-12T09:00:00Z", List.of(),
                new RefundIssued(december, "GW-" + december, eur(5629)),
                new CreditMemoPosted(december, "CM-" + december, eur(5629)));
        awaitLedgerCaughtUp();

        String novemberReport = reconciliationJson("2024-11", "");
        String decemberReport = reconciliationJson("2024-12", "");
        List<String> ledgers = List.of(ledgerJson(clean), ledgerJson(memoLate), ledgerJson(december));
        assertThat(objectMapper.readValue(decemberReport, PeriodReconciliation.class).discrepancies().content())
                .extracting(Discrepancy::kind, Discrepancy::returnId)
                .containsExactly(
                        tuple(DiscrepancyKind.AMOUNT_MISMATCH, memoLate),
                        tuple(DiscrepancyKind.REFUND_NOT_SETTLED, december),
                        tuple(DiscrepancyKind.ACCEPTED_ITEM_WITHOUT_INVENTORY_ADJUSTMENT, december));
        Integer novemberBookings = bookingsIn("2024-11");

        StreamingEventProcessor processor = ledgerProcessor();
        processor.shutDown();
        processor.resetTokens();
        assertThat(ledgerJson(december)).as("the open periods are gone").isNull();
        assertThat(bookingsIn("2024-12")).isZero();
        assertThat(bookingsIn("2024-11")).as("the closed period stays").isEqualTo(novemberBookings);
        processor.start();

        await().atMost(PROJECTION_TIMEOUT).untilAsserted(() -> {
            assertThat(Arrays.asList(ledgerJson(clean), ledgerJson(memoLate), ledgerJson(december))).isEqualTo(ledgers);
            assertThat(reconciliationJson("2024-12", "")).isEqualTo(decemberReport);
        });
        assertThat(reconciliationJson("2024-11", "")).isEqualTo(novemberReport);
        assertThat(bookingsIn("2024-11")).isEqualTo(novemberBookings);
    }

    private ResultActions close(String period, String actor) throws Exception {
        // who closed the period is the signed-in caller
        return mockMvc.perform(post("/api/v1/finance/periods/{period}/close", period).with(user(actor).roles("FINANCE")));
    }

    private Integer bookingsIn(String period) {
        return jdbc.queryForObject("SELECT count(*) FROM finance_entry WHERE booked_period = ?", Integer.class, period);
    }
}
