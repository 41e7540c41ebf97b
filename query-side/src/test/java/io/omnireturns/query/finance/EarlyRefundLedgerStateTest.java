package io.omnireturns.query.finance;

import io.omnireturns.api.finance.LedgerEntryKind;
import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.orders.TenderType;
import io.omnireturns.api.returns.ClawbackKind;
import io.omnireturns.api.returns.RefundMethod;
import io.omnireturns.api.returns.ReturnReason;
import io.omnireturns.api.returns.TrustTier;
import io.omnireturns.api.returns.event.ClawbackCharged;
import io.omnireturns.api.returns.event.ClawbackDecided;
import io.omnireturns.api.returns.event.EarlyRefundGranted;
import io.omnireturns.api.returns.event.EarlyExchangeGranted;
import io.omnireturns.api.returns.event.ClawbackMemoPosted;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.omnireturns.query.finance.FinanceFixtures.SHIRTS;
import static io.omnireturns.query.finance.FinanceFixtures.approved;
import static io.omnireturns.query.finance.FinanceFixtures.eur;
import static io.omnireturns.query.finance.FinanceFixtures.line;
import static io.omnireturns.query.finance.FinanceFixtures.lineRefund;
import static io.omnireturns.query.finance.FinanceFixtures.promotedOrder;
import static io.omnireturns.query.finance.FinanceFixtures.requested;
import static io.omnireturns.query.finance.FinanceFixtures.tender;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The bookings of a refund at the first carrier scan and of its clawback, one event at a time. */
class EarlyRefundLedgerStateTest {

    private static final String RETURN_ID = "R-1";

    /** Two shirts (46.29 + 10.00 tax) refunded early: 56.29 to the card. */
    private final LedgerState approvedEarly = LedgerState.opened(requested(RETURN_ID,
                    promotedOrder("O-1", SalesChannel.WEB), SalesChannel.WEB, RefundMethod.ORIGINAL_TENDER,
                    line(SHIRTS, 2, ReturnReason.SIZE_OR_FIT)))
            .on(approved(RETURN_ID, eur(0), List.of(lineRefund(SHIRTS, 2, eur(4629), eur(1000), eur(0), eur(0))),
                    List.of(tender("T1", TenderType.CARD, eur(5629)))))
            .state();

    @Test
    void an_early_refund_is_marked_at_its_amount_and_moves_no_money_of_its_own() {
        Booking booking = approvedEarly.on(new EarlyRefundGranted(RETURN_ID, eur(5629), TrustTier.TRUSTED));

        assertThat(booking.postings()).extracting(Posting::kind, Posting::amount, Posting::reference)
                .containsExactly(tuple(LedgerEntryKind.EARLY_REFUND, eur(5629), RETURN_ID + ":EARLY_REFUND"));
        assertThat(booking.postings()).noneMatch(posting -> posting.kind() == LedgerEntryKind.REFUND);
    }

    @Test
    void a_shortfall_is_due_under_its_charge_key_or_as_a_case_and_nothing_is_due_without_one() {
        assertThat(approvedEarly.on(new ClawbackDecided(RETURN_ID, eur(5629), eur(2815), eur(2814),
                ClawbackKind.CHARGE, RETURN_ID + ":CLAWBACK_CHARGE")).postings())
                .extracting(Posting::kind, Posting::amount, Posting::reference)
                .containsExactly(tuple(LedgerEntryKind.CLAWBACK_DUE, eur(2814), RETURN_ID + ":CLAWBACK_CHARGE"));
        assertThat(approvedEarly.on(new ClawbackDecided(RETURN_ID, eur(5629), eur(2815), eur(2814),
                ClawbackKind.CASE, null)).postings())
                .extracting(Posting::kind, Posting::amount, Posting::reference)
                .containsExactly(tuple(LedgerEntryKind.CLAWBACK_DUE, eur(2814), RETURN_ID + ":CLAWBACK_CASE"));
        assertThat(approvedEarly.on(new ClawbackDecided(RETURN_ID, eur(5629), eur(5629), eur(0),
                ClawbackKind.NOTHING, null)).postings()).isEmpty();
    }

    @Test
    void the_erps_debit_memo_for_a_clawback_is_booked_against_the_refunds_lines() {
        Booking booking = approvedEarly.on(new ClawbackMemoPosted(RETURN_ID, "DM-1", "CM-1", eur(2814)));

        assertThat(booking.postings()).extracting(Posting::kind, Posting::amount, Posting::reference)
                .containsExactly(tuple(LedgerEntryKind.CLAWBACK_MEMO, eur(2814), "DM-1"));
        assertThat(booking.postings().get(0).coveredLines()).containsExactly(SHIRTS);
    }

    @Test
    void an_early_exchange_is_marked_at_the_returned_value_and_moves_no_goods_of_its_own() {
        Booking booking = approvedEarly.on(new EarlyExchangeGranted(RETURN_ID, eur(5629), TrustTier.TRUSTED));

        assertThat(booking.postings()).extracting(Posting::kind, Posting::amount, Posting::reference)
                .containsExactly(tuple(LedgerEntryKind.EARLY_EXCHANGE, eur(5629), RETURN_ID + ":EARLY_EXCHANGE"));
    }

    @Test
    void a_clawback_charged_is_money_in_for_the_refunds_lines() {
        Booking booking = approvedEarly.on(new ClawbackCharged(RETURN_ID, "GW-CB-1", eur(2814)));

        assertThat(booking.postings()).extracting(Posting::kind, Posting::amount, Posting::reference)
                .containsExactly(tuple(LedgerEntryKind.CLAWBACK, eur(2814), "GW-CB-1"));
        assertThat(booking.postings().get(0).coveredLines()).containsExactly(SHIRTS);
    }
}
