package io.omnireturns.query.finance;

import io.omnireturns.api.finance.AdjustmentReason;
import io.omnireturns.api.finance.DiscrepancyKind;
import io.omnireturns.api.finance.LedgerAdjustment;
import io.omnireturns.api.finance.LedgerEntryKind;
import io.omnireturns.api.money.Money;
import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.query.finance.DiscrepancyRules.Found;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static io.omnireturns.query.finance.FinanceFixtures.SHIRTS;
import static io.omnireturns.query.finance.FinanceFixtures.SOCKS;
import static io.omnireturns.query.finance.FinanceFixtures.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The reconciliation rules on hand-made bookings of one return. */
class DiscrepancyRulesTest {

    private static final YearMonth JANUARY = YearMonth.of(2024, 1);
    private static final YearMonth FEBRUARY = YearMonth.of(2024, 2);
    private static final Instant NOW = Instant.parse("2024-03-01T00:00:00Z");

    private final DiscrepancyRules rules = new DiscrepancyRules(Duration.ofDays(3));
    private final List<LedgerEntry> entries = new ArrayList<>();

    @Test
    void a_refund_with_its_credit_memo_settled_and_stock_adjusted_is_in_step() {
        accepted("2024-01-10T10:00:00Z", SHIRTS, 2);
        refund("2024-01-11T10:00:00Z", "GW-1", 6310);
        settled("2024-01-11T10:01:00Z", "GW-1", 6310);
        creditMemo("2024-01-12T10:00:00Z", "CM-1", 6310);
        stock("2024-01-12T11:00:00Z", SHIRTS, 2);

        assertThat(detect()).isEmpty();
    }

    @Test
    void a_refund_without_credit_memo_belongs_to_the_period_of_the_refund() {
        refund("2024-01-31T23:00:00Z", "GW-1", 6310);
        settled("2024-02-01T00:30:00Z", "GW-1", 6310);

        assertThat(detect()).extracting(found -> found.discrepancy().kind(), Found::period,
                        found -> found.discrepancy().refundAmount(), found -> found.discrepancy().references())
                .containsExactly(tuple(DiscrepancyKind.REFUND_WITHOUT_CREDIT_MEMO, JANUARY, eur(6310),
                        List.of("GW-1")));
    }

    @Test
    void a_mismatch_belongs_to_the_period_in_which_the_second_of_the_two_was_booked() {
        refund("2024-01-31T23:00:00Z", "GW-1", 6310);
        settled("2024-02-01T00:30:00Z", "GW-1", 6310);
        creditMemo("2024-02-01T09:00:00Z", "CM-1", 6300);

        assertThat(detect()).extracting(found -> found.discrepancy().kind(), Found::period,
                        found -> found.discrepancy().refundAmount(), found -> found.discrepancy().creditMemoAmount(),
                        found -> found.discrepancy().difference())
                .containsExactly(tuple(DiscrepancyKind.AMOUNT_MISMATCH, FEBRUARY, eur(6310), eur(6300), eur(10)));
    }

    @Test
    void an_exchange_needs_no_refund_but_its_credit_memo_must_match_its_value() {
        exchange("2024-01-11T10:00:00Z", "RO-1", 5629);
        creditMemo("2024-01-12T10:00:00Z", "CM-1", 5629);
        assertThat(detect()).isEmpty();

        entries.clear();
        exchange("2024-01-11T10:00:00Z", "RO-1", 5629);
        creditMemo("2024-01-12T10:00:00Z", "CM-1", 5600);
        assertThat(detect()).extracting(found -> found.discrepancy().kind(), found -> found.discrepancy().references())
                .containsExactly(tuple(DiscrepancyKind.AMOUNT_MISMATCH, List.of("RO-1", "CM-1")));

        entries.clear();
        exchange("2024-01-11T10:00:00Z", "RO-1", 5629);
        assertThat(detect()).extracting(found -> found.discrepancy().kind())
                .containsExactly(DiscrepancyKind.REFUND_WITHOUT_CREDIT_MEMO);
    }

    @Test
    void a_credit_memo_without_refund_or_exchange_is_a_discrepancy_unless_it_is_for_nothing() {
        creditMemo("2024-01-12T10:00:00Z", "CM-1", 6310);
        assertThat(detect()).extracting(found -> found.discrepancy().kind(), found -> found.discrepancy().creditMemoAmount())
                .containsExactly(tuple(DiscrepancyKind.CREDIT_MEMO_WITHOUT_REFUND, eur(6310)));

        entries.clear();
        creditMemo("2024-01-12T10:00:00Z", "CM-0", 0);
        assertThat(detect()).isEmpty();
    }

    @Test
    void a_refund_is_overdue_for_settlement_only_once_more_than_the_settlement_days_have_passed() {
        refund("2024-02-26T00:00:00Z", "GW-1", 6310);
        creditMemo("2024-02-26T00:00:00Z", "CM-1", 6310);

        assertThat(rules.detect(bookings(), Instant.parse("2024-02-29T00:00:00Z"))).isEmpty();
        assertThat(rules.detect(bookings(), Instant.parse("2024-02-29T00:00:01Z")))
                .extracting(found -> found.discrepancy().kind(), Found::period)
                .containsExactly(tuple(DiscrepancyKind.REFUND_NOT_SETTLED, FEBRUARY));
    }

    @Test
    void accepted_items_need_a_stock_adjustment_line_by_line() {
        accepted("2024-01-10T10:00:00Z", SHIRTS, 2);
        accepted("2024-01-10T10:00:00Z", SOCKS, 2);
        stock("2024-01-12T11:00:00Z", SHIRTS, 2);
        stock("2024-02-12T11:00:00Z", SOCKS, 1);

        assertThat(detect()).extracting(found -> found.discrepancy().kind(), Found::period,
                        found -> found.discrepancy().orderLineIds(), found -> found.discrepancy().quantity())
                .containsExactly(tuple(DiscrepancyKind.ACCEPTED_ITEM_WITHOUT_INVENTORY_ADJUSTMENT, JANUARY,
                        List.of(SOCKS), 1));
    }

    @Test
    void kept_items_written_off_need_their_stock_adjustment_like_accepted_ones() {
        entries.add(entry(LedgerEntryKind.WRITE_OFF, "2024-01-10T10:00:00Z", "R-1:KEPT", eur(616), SOCKS, 2));
        assertThat(detect()).extracting(found -> found.discrepancy().kind(), found -> found.discrepancy().quantity())
                .containsExactly(tuple(DiscrepancyKind.ACCEPTED_ITEM_WITHOUT_INVENTORY_ADJUSTMENT, 2));

        stock("2024-01-12T11:00:00Z", SOCKS, 2);
        assertThat(detect()).isEmpty();
    }

    @Test
    void a_second_refund_or_credit_memo_is_a_duplicate_in_the_period_it_was_booked() {
        refund("2024-01-11T10:00:00Z", "GW-1", 6310);
        settled("2024-01-11T10:00:00Z", "GW-1", 6310);
        creditMemo("2024-01-12T10:00:00Z", "CM-1", 6310);
        refund("2024-02-11T10:00:00Z", "GW-2", 6310);
        settled("2024-02-11T10:00:00Z", "GW-2", 6310);
        creditMemo("2024-02-12T10:00:00Z", "CM-2", 6310);

        assertThat(detect()).extracting(found -> found.discrepancy().kind(), Found::period,
                        found -> found.discrepancy().references(), found -> found.discrepancy().orderLineIds())
                .containsExactly(
                        tuple(DiscrepancyKind.DUPLICATE_REFUND, FEBRUARY, List.of("GW-1", "GW-2"),
                                List.of(SHIRTS, SOCKS)),
                        tuple(DiscrepancyKind.DUPLICATE_CREDIT_MEMO, FEBRUARY, List.of("CM-1", "CM-2"),
                                List.of(SHIRTS, SOCKS)));
    }

    @Test
    void bookings_of_a_period_adjust_a_closed_one_when_late_or_when_their_return_was_booked_there() {
        refund("2024-01-11T10:00:00Z", "GW-1", 6310);
        entries.add(entry(LedgerEntryKind.REFUND_SETTLED, FEBRUARY, JANUARY, "2024-01-20T10:00:00Z", "GW-1",
                eur(6310), null, null));
        creditMemo("2024-02-02T10:00:00Z", "CM-1", 6310);

        List<LedgerAdjustment> whileJanuaryIsClosed = DiscrepancyRules.adjustments(FEBRUARY, bookings(),
                Set.of(JANUARY));
        assertThat(whileJanuaryIsClosed)
                .extracting(LedgerAdjustment::kind, LedgerAdjustment::adjustsPeriod, LedgerAdjustment::reason)
                .containsExactly(
                        tuple(LedgerEntryKind.REFUND_SETTLED, "2024-01", AdjustmentReason.LATE_EVENT),
                        tuple(LedgerEntryKind.CREDIT_MEMO, "2024-01", AdjustmentReason.CLOSED_PERIOD_RETURN));
        assertThat(DiscrepancyRules.adjustments(JANUARY, bookings(), Set.of(JANUARY))).isEmpty();
    }

    @Test
    void a_credit_memo_posting_other_tax_per_jurisdiction_than_the_refund_gave_back_is_a_tax_mismatch() {
        refund("2024-01-11T10:00:00Z", "GW-1", 5400);
        settled("2024-01-11T10:01:00Z", "GW-1", 5400);
        tax(LedgerEntryKind.TAX_GIVEN_BACK, "2024-01-11T09:59:00Z", "TC-1", "FR", 999);
        tax(LedgerEntryKind.TAX_GIVEN_BACK, "2024-01-11T09:59:00Z", "TC-1", "DE", -95);
        creditMemo("2024-02-01T10:00:00Z", "CM-1", 5400);
        tax(LedgerEntryKind.CREDIT_MEMO_TAX, "2024-02-01T10:00:00Z", "CM-1", "FR", 904);

        assertThat(detect()).extracting(found -> found.discrepancy().kind(), Found::period,
                        found -> found.discrepancy().references())
                .containsExactly(tuple(DiscrepancyKind.TAX_MISMATCH, YearMonth.of(2024, 2), List.of("CM-1")));
        assertThat(detect().get(0).discrepancy().detail()).contains("DE: given back -0.95", "FR: given back 9.99");
    }

    @Test
    void a_credit_memo_posting_the_tax_given_back_in_each_jurisdiction_is_in_step() {
        refund("2024-01-11T10:00:00Z", "GW-1", 5400);
        settled("2024-01-11T10:01:00Z", "GW-1", 5400);
        tax(LedgerEntryKind.TAX_GIVEN_BACK, "2024-01-11T09:59:00Z", "TC-1", "FR", 999);
        tax(LedgerEntryKind.TAX_GIVEN_BACK, "2024-01-11T09:59:00Z", "TC-1", "DE", -95);
        creditMemo("2024-01-12T10:00:00Z", "CM-1", 5400);
        tax(LedgerEntryKind.CREDIT_MEMO_TAX, "2024-01-12T10:00:00Z", "CM-1", "DE", -95);
        tax(LedgerEntryKind.CREDIT_MEMO_TAX, "2024-01-12T10:00:00Z", "CM-1", "FR", 999);

        assertThat(detect()).isEmpty();
    }

    private void tax(LedgerEntryKind kind, String at, String reference, String jurisdiction, long amount) {
        entries.add(new LedgerEntry("R-1", entries.size() + 1L, 0, kind, period(at), period(at), Instant.parse(at),
                "O-1", SalesChannel.WEB, eur(amount), null, null, null, null, null, null, null, reference, List.of(),
                jurisdiction));
    }

    private List<Found> detect() {
        return rules.detect(bookings(), NOW);
    }

    private ReturnBookings bookings() {
        return new ReturnBookings("R-1", "O-1", SalesChannel.WEB, entries);
    }

    private void refund(String at, String reference, long amount) {
        // split over two tenders, as a real refund can be: the rules see one refund
        entries.add(entry(LedgerEntryKind.REFUND, at, reference, eur(amount - 1000), null, null));
        entries.add(new LedgerEntry("R-1", entries.get(entries.size() - 1).sequenceNumber(), 1,
                LedgerEntryKind.REFUND, period(at), period(at), Instant.parse(at), "O-1", SalesChannel.WEB, eur(1000),
                null, null, null, null, null, "T2", null, reference, List.of(SHIRTS, SOCKS)));
    }

    private void settled(String at, String reference, long amount) {
        entries.add(entry(LedgerEntryKind.REFUND_SETTLED, at, reference, eur(amount), null, null));
    }

    private void creditMemo(String at, String document, long amount) {
        entries.add(entry(LedgerEntryKind.CREDIT_MEMO, at, document, eur(amount), null, null));
    }

    private void exchange(String at, String replacementOrder, long value) {
        entries.add(entry(LedgerEntryKind.EXCHANGE, at, replacementOrder, eur(value), null, null));
    }

    private void accepted(String at, String line, int quantity) {
        entries.add(entry(LedgerEntryKind.ITEMS_ACCEPTED, at, "INSP-1", eur(0), line, quantity));
    }

    private void stock(String at, String line, int quantity) {
        entries.add(entry(LedgerEntryKind.INVENTORY, at, "ADJ-" + entries.size(), eur(100), line, quantity));
    }

    private LedgerEntry entry(LedgerEntryKind kind, String at, String reference, Money amount, String line,
                              Integer quantity) {
        return entry(kind, period(at), period(at), at, reference, amount, line, quantity);
    }

    private LedgerEntry entry(LedgerEntryKind kind, YearMonth booked, YearMonth eventPeriod, String at,
                              String reference, Money amount, String line, Integer quantity) {
        boolean whole = kind == LedgerEntryKind.REFUND || kind == LedgerEntryKind.CREDIT_MEMO
                || kind == LedgerEntryKind.EXCHANGE;
        return new LedgerEntry("R-1", entries.size() + 1L, 0, kind, booked, eventPeriod, Instant.parse(at), "O-1",
                SalesChannel.WEB, amount, quantity, line, line == null ? null : "SKU-" + line, null, null, null, null,
                reference, whole ? List.of(SHIRTS, SOCKS) : List.of());
    }

    private static YearMonth period(String at) {
        return YearMonth.from(Instant.parse(at).atZone(java.time.ZoneOffset.UTC));
    }
}
