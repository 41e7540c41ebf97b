package io.omnireturns.query.finance;

import io.omnireturns.api.finance.LedgerEntryKind;
import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.orders.TenderType;
import io.omnireturns.api.returns.Disposition;
import io.omnireturns.api.returns.Grade;
import io.omnireturns.api.returns.InspectedLine;
import io.omnireturns.api.returns.KeptLine;
import io.omnireturns.api.returns.RefundMethod;
import io.omnireturns.api.returns.ReturnReason;
import io.omnireturns.api.returns.event.CreditMemoPosted;
import io.omnireturns.api.returns.event.InventoryAdjusted;
import io.omnireturns.api.returns.event.RefundFailed;
import io.omnireturns.api.returns.event.RefundIssued;
import io.omnireturns.api.returns.event.RefundSettled;
import io.omnireturns.api.returns.event.RefundTaxApplied;
import io.omnireturns.api.returns.event.ReplacementOrderCreated;
import io.omnireturns.api.tax.JurisdictionTax;
import io.omnireturns.api.returns.event.ReturnLinesKept;
import io.omnireturns.platform.axon.AxonInfrastructureConfiguration;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.omnireturns.query.finance.FinanceFixtures.SHIRTS;
import static io.omnireturns.query.finance.FinanceFixtures.SOCKS;
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

/** The booking rules, one event at a time, on the promoted order (see {@link FinanceFixtures}). */
class LedgerStateTest {

    private static final String RETURN_ID = "R-1";

    /** Two shirts (46.29 + 10.00 tax) and two pairs of socks (6.16 + 1.26 tax, less a 0.61 restocking fee): 63.10. */
    private final LedgerState approvedReturn = LedgerState.opened(requested(RETURN_ID,
                    promotedOrder("O-1", SalesChannel.WEB), SalesChannel.WEB, RefundMethod.ORIGINAL_TENDER,
                    line(SHIRTS, 2, ReturnReason.SIZE_OR_FIT), line(SOCKS, 2, ReturnReason.CHANGED_MIND)))
            .on(approved(RETURN_ID, eur(0),
                    List.of(lineRefund(SHIRTS, 2, eur(4629), eur(1000), eur(0), eur(0)),
                            lineRefund(SOCKS, 2, eur(616), eur(126), eur(61), eur(0))),
                    List.of(tender("T1", TenderType.CARD, eur(5000)),
                            tender("T2", TenderType.GIFT_CARD, eur(1310)))))
            .state();

    @Test
    void a_refund_is_booked_once_per_tender_of_the_approved_split() {
        Booking booking = approvedReturn.on(new RefundIssued(RETURN_ID, "GW-1", eur(6310)));

        assertThat(booking.postings())
                .extracting(Posting::kind, Posting::amount, Posting::tenderId, Posting::tenderType, Posting::reference)
                .containsExactly(
                        tuple(LedgerEntryKind.REFUND, eur(5000), "T1", TenderType.CARD, "GW-1"),
                        tuple(LedgerEntryKind.REFUND, eur(1310), "T2", TenderType.GIFT_CARD, "GW-1"));
        assertThat(booking.postings()).allSatisfy(posting ->
                assertThat(posting.coveredLines()).containsExactly(SHIRTS, SOCKS));
    }

    @Test
    void a_refund_that_differs_from_the_approved_total_is_booked_unsplit() {
        Booking booking = approvedReturn.on(new RefundIssued(RETURN_ID, "GW-1", eur(6300)));

        assertThat(booking.postings())
                .extracting(Posting::kind, Posting::amount, Posting::tenderType)
                .containsExactly(tuple(LedgerEntryKind.REFUND, eur(6300), null));
    }

    @Test
    void the_same_gateway_reference_twice_is_one_refund_and_another_reference_is_a_second_one() {
        LedgerState refunded = approvedReturn.on(new RefundIssued(RETURN_ID, "GW-1", eur(6310))).state();

        assertThat(refunded.on(new RefundIssued(RETURN_ID, "GW-1", eur(6310))).postings()).isEmpty();
        assertThat(refunded.on(new RefundIssued(RETURN_ID, "GW-2", eur(6310))).postings()).hasSize(2);
    }

    @Test
    void a_settlement_settles_its_refund_or_else_the_earliest_unsettled_one_at_its_amount() {
        LedgerState twice = approvedReturn.on(new RefundIssued(RETURN_ID, "GW-1", eur(6310))).state()
                .on(new RefundIssued(RETURN_ID, "GW-2", eur(6300))).state();

        Booking second = twice.on(new RefundSettled(RETURN_ID, "GW-2"));
        assertThat(second.postings()).extracting(Posting::kind, Posting::amount, Posting::reference)
                .containsExactly(tuple(LedgerEntryKind.REFUND_SETTLED, eur(6300), "GW-2"));
        Booking unknownReference = second.state().on(new RefundSettled(RETURN_ID, "GW-X"));
        assertThat(unknownReference.postings()).extracting(Posting::reference).containsExactly("GW-1");
        assertThat(unknownReference.state().on(new RefundSettled(RETURN_ID, "GW-1")).postings()).isEmpty();
    }

    @Test
    void a_credit_memo_is_booked_with_the_parts_of_the_approved_refund_it_reverses() {
        Booking booking = approvedReturn.on(new CreditMemoPosted(RETURN_ID, "CM-1", eur(6310)));

        assertThat(booking.postings())
                .extracting(Posting::kind, Posting::amount, Posting::orderLineId, Posting::quantity, Posting::reference)
                .containsExactly(
                        tuple(LedgerEntryKind.CREDIT_MEMO, eur(6310), null, null, "CM-1"),
                        tuple(LedgerEntryKind.MERCHANDISE, eur(4629), SHIRTS, 2, "CM-1"),
                        tuple(LedgerEntryKind.TAX, eur(1000), SHIRTS, 2, "CM-1"),
                        tuple(LedgerEntryKind.MERCHANDISE, eur(616), SOCKS, 2, "CM-1"),
                        tuple(LedgerEntryKind.TAX, eur(126), SOCKS, 2, "CM-1"),
                        tuple(LedgerEntryKind.RESTOCKING_FEE, eur(61), SOCKS, 2, "CM-1"));
        assertThat(booking.state().on(new CreditMemoPosted(RETURN_ID, "CM-1", eur(6310))).postings()).isEmpty();
    }

    @Test
    void the_tax_given_back_and_the_tax_the_credit_memo_posted_are_booked_per_jurisdiction() {
        List<JurisdictionTax> figures = List.of(new JurisdictionTax("FR", eur(5245), eur(1132)),
                new JurisdictionTax("DE", eur(-61), eur(-6)));

        Booking given = approvedReturn.on(new RefundTaxApplied(RETURN_ID, "TC-1", List.of("CROSS_JURISDICTION"),
                figures));
        Booking posted = given.state().on(new CreditMemoPosted(RETURN_ID, "CM-1", eur(6310), figures));

        assertThat(given.postings()).extracting(Posting::kind, Posting::jurisdiction, Posting::amount,
                Posting::reference).containsExactly(
                tuple(LedgerEntryKind.TAX_GIVEN_BACK, "FR", eur(1132), "TC-1"),
                tuple(LedgerEntryKind.TAX_GIVEN_BACK, "DE", eur(-6), "TC-1"));
        assertThat(posted.postings()).filteredOn(posting -> posting.jurisdiction() != null)
                .extracting(Posting::kind, Posting::jurisdiction, Posting::amount, Posting::reference).containsExactly(
                        tuple(LedgerEntryKind.CREDIT_MEMO_TAX, "FR", eur(1132), "CM-1"),
                        tuple(LedgerEntryKind.CREDIT_MEMO_TAX, "DE", eur(-6), "CM-1"));
    }

    @Test
    void stock_is_valued_net_of_promotions_slice_by_slice() {
        Booking first = approvedReturn.on(new InventoryAdjusted(RETURN_ID, "ADJ-1", SOCKS, "SKU-SOCKS",
                Disposition.RESTOCK, "WH-1", 2));
        Booking second = first.state().on(new InventoryAdjusted(RETURN_ID, "ADJ-2", SOCKS, "SKU-SOCKS",
                Disposition.SCRAP, "WH-1", 1));

        assertThat(first.postings()).extracting(Posting::kind, Posting::amount, Posting::quantity, Posting::sku,
                        Posting::disposition, Posting::locationId, Posting::reference)
                .containsExactly(tuple(LedgerEntryKind.INVENTORY, eur(616), 2, "SKU-SOCKS", Disposition.RESTOCK,
                        "WH-1", "ADJ-1"));
        assertThat(second.postings()).extracting(Posting::amount).containsExactly(eur(309));
        assertThat(second.state().on(new InventoryAdjusted(RETURN_ID, "ADJ-2", SOCKS, "SKU-SOCKS",
                Disposition.SCRAP, "WH-1", 1)).postings()).isEmpty();
    }

    @Test
    void kept_items_are_written_off_at_their_value_net_of_promotions_as_a_kind_of_their_own() {
        Booking booking = approvedReturn.on(new ReturnLinesKept(RETURN_ID, "O-1",
                List.of(new KeptLine(SOCKS, 2, "KEEP_IT_UNDER_VALUE"))));

        assertThat(booking.postings()).extracting(Posting::kind, Posting::amount, Posting::quantity,
                        Posting::orderLineId, Posting::disposition, Posting::reference)
                .containsExactly(tuple(LedgerEntryKind.WRITE_OFF, eur(616), 2, SOCKS, Disposition.SCRAP,
                        RETURN_ID + ":KEPT"));
    }

    @Test
    void accepted_items_are_booked_with_their_quantity_and_no_value() {
        Booking booking = approvedReturn.on(inspected(RETURN_ID,
                accepted(SHIRTS, 2, Grade.NEW, Disposition.RESTOCK),
                new InspectedLine(SOCKS, 0, 2, Grade.DAMAGED, Disposition.SCRAP, false,
                        null)));

        assertThat(booking.postings()).extracting(Posting::kind, Posting::amount, Posting::orderLineId,
                        Posting::quantity, Posting::sku)
                .containsExactly(tuple(LedgerEntryKind.ITEMS_ACCEPTED, eur(0), SHIRTS, 2, "SKU-SHIRT"));
    }

    @Test
    void an_exchange_is_booked_at_the_approved_value_and_only_a_final_refund_failure_is_booked() {
        assertThat(approvedReturn.on(new ReplacementOrderCreated(RETURN_ID, "RO-1")).postings())
                .extracting(Posting::kind, Posting::amount, Posting::reference)
                .containsExactly(tuple(LedgerEntryKind.EXCHANGE, eur(6310), "RO-1"));
        assertThat(approvedReturn.on(new RefundFailed(RETURN_ID, "TIMEOUT", "no answer", false)).postings())
                .isEmpty();
        assertThat(approvedReturn.on(new RefundFailed(RETURN_ID, "CARD_EXPIRED", "refused", true)).postings())
                .extracting(Posting::kind, Posting::amount, Posting::reference)
                .containsExactly(tuple(LedgerEntryKind.REFUND_FAILED, eur(6310), "CARD_EXPIRED"));
    }

    @Test
    void the_state_survives_its_stored_json_unchanged() throws Exception {
        var mapper = AxonInfrastructureConfiguration.storageObjectMapper();
        LedgerState busy = approvedReturn.on(new RefundIssued(RETURN_ID, "GW-1", eur(6310))).state()
                .on(new RefundSettled(RETURN_ID, "GW-1")).state()
                .on(new InventoryAdjusted(RETURN_ID, "ADJ-1", SOCKS, "SKU-SOCKS", Disposition.RESTOCK, "WH-1", 2))
                .state();

        LedgerState read = mapper.readValue(mapper.writeValueAsString(busy), LedgerState.class);

        assertThat(read).isEqualTo(busy);
        assertThat(read.refunds().keySet()).containsExactly("GW-1");
    }
}
