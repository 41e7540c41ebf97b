package io.omnireturns.api.integration;

import io.omnireturns.api.money.Money;
import io.omnireturns.api.returns.HoldDecision;
import io.omnireturns.api.returns.RequestedLine;
import io.omnireturns.api.returns.ReturnReason;
import io.omnireturns.api.returns.ReturnStatus;
import io.omnireturns.api.returns.event.*;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.omnireturns.api.integration.InternalEvents.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each internal event that matters to other systems, and what the public contract says of it. */
class CanonicalEventTranslatorTest {

    private static final Instant AT = Instant.parse("2026-03-10T09:30:00Z");

    private final CanonicalEventTranslator translator = new CanonicalEventTranslator();

    private CanonicalEvent only(Object internal) {
        List<CanonicalEvent> events = translator.translate("evt-1", 7, AT, internal);
        assertThat(events).hasSize(1);
        CanonicalEvent event = events.get(0);
        assertThat(event.id()).isEqualTo("evt-1");
        assertThat(event.subject()).isEqualTo(RETURN_ID);
        assertThat(event.sequence()).isEqualTo(7);
        assertThat(event.time()).isEqualTo(AT);
        return event;
    }

    @Test
    void a_requested_return_is_initiated_with_its_lines_priced_from_the_order_and_only_the_pseudonymous_customer() {
        CanonicalEvent event = only(requested());

        assertThat(event.type()).isEqualTo("io.omnireturns.return.initiated.v1");
        assertThat(event.data()).isEqualTo(new ReturnInitiatedV1(RETURN_ID, ORDER_ID, "CUST-42", "STORE", "STORE-7",
                "ORIGINAL_TENDER", "EUR", Instant.parse("2026-03-02T10:15:00Z"), List.of(
                new ReturnInitiatedV1.Line("L1", "SKU-SHOE-42", "footwear", 1, 2, eur(5999), "SIZE_OR_FIT",
                        "SKU-SHOE-43"),
                new ReturnInitiatedV1.Line("L2", "SKU-SOCK", "accessories", 2, 3, eur(799), "DEFECTIVE", null))));
    }

    @Test
    void a_requested_line_that_is_not_a_line_of_the_order_is_a_broken_event_and_says_so() {
        ReturnRequested requested = requested();
        ReturnRequested broken = new ReturnRequested(RETURN_ID, requested.channel(), requested.storeId(),
                requested.customerId(), ORDER_ID, requested.refundMethod(),
                List.of(new RequestedLine("L9", 1, ReturnReason.OTHER)), requested.order());

        assertThatThrownBy(() -> translator.translate("evt-1", 0, AT, broken))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("L9");
    }

    @Test
    void an_authorized_return_gives_per_line_requested_and_authorized_quantities_with_reason_codes() {
        CanonicalEvent event = only(new ReturnAuthorized(RETURN_ID, decisions()));

        assertThat(event.type()).isEqualTo(CanonicalTypes.RETURN_AUTHORIZED);
        assertThat(event.data()).isEqualTo(new ReturnAuthorizedV1(RETURN_ID, List.of(
                new LineEligibility("L1", 1, 1, List.of()), new LineEligibility("L2", 2, 0, List.of("FINAL_SALE")))));
    }

    @Test
    void a_return_rejected_by_the_policy_is_rejected_by_policy_with_the_line_decisions() {
        CanonicalEvent event = only(example(ReturnRejected.class));

        assertThat(event.type()).isEqualTo(CanonicalTypes.RETURN_REJECTED);
        ReturnRejectedV1 data = (ReturnRejectedV1) event.data();
        assertThat(data.rejectedBy()).isEqualTo("POLICY");
        assertThat(data.declineReason()).isNull();
        assertThat(data.lines()).extracting(LineEligibility::orderLineId).containsExactly("L1", "L2");
    }

    @Test
    void a_declined_return_is_rejected_by_staff_with_the_listed_reason_and_without_the_note_or_who_declined() {
        CanonicalEvent event = only(example(ReturnDeclined.class));

        assertThat(event.type()).isEqualTo(CanonicalTypes.RETURN_REJECTED);
        assertThat(event.data()).isEqualTo(new ReturnRejectedV1(RETURN_ID, ORDER_ID, "STAFF", "NOT_RETURNABLE",
                List.of()));
    }

    @Test
    void a_cancelled_return_is_cancelled_without_the_typed_reason_or_who_cancelled() {
        CanonicalEvent event = only(example(ReturnCancelled.class));

        assertThat(event.type()).isEqualTo(CanonicalTypes.RETURN_CANCELLED);
        assertThat(event.data()).isEqualTo(new ReturnCancelledV1(RETURN_ID, ORDER_ID));
    }

    @Test
    void an_expired_return_is_expired() {
        CanonicalEvent event = only(example(ReturnExpired.class));

        assertThat(event.type()).isEqualTo(CanonicalTypes.RETURN_EXPIRED);
        assertThat(event.data()).isEqualTo(new ReturnExpiredV1(RETURN_ID, ORDER_ID));
    }

    @Test
    void an_issued_label_names_the_carrier_but_not_the_tracking_number_or_the_label() {
        CanonicalEvent event = only(example(ReturnLabelIssued.class));

        assertThat(event.type()).isEqualTo("io.omnireturns.return.label.issued.v1");
        assertThat(event.data()).isEqualTo(new ReturnLabelIssuedV1(RETURN_ID, "DHL"));
    }

    @Test
    void a_parcel_scanned_by_the_carrier_is_in_transit() {
        CanonicalEvent event = only(example(ReturnParcelInTransit.class));

        assertThat(event.type()).isEqualTo("io.omnireturns.return.in_transit.v1");
        assertThat(event.data()).isEqualTo(new ReturnInTransitV1(RETURN_ID, "DHL"));
    }

    @Test
    void received_items_give_the_receipt_location_and_lines_with_wrong_items_named() {
        CanonicalEvent event = only(example(ReturnItemsReceived.class));

        assertThat(event.type()).isEqualTo("io.omnireturns.return.received.v1");
        assertThat(event.data()).isEqualTo(new ReturnReceivedV1(RETURN_ID, "RCPT-1", "DC-NORTH", List.of(
                new ReturnReceivedV1.Line("L1", 1, null), new ReturnReceivedV1.Line("L2", 1, "SKU-OTHER")),
                List.of("L2")));
    }

    @Test
    void inspected_lines_give_accepted_and_rejected_quantities_grade_and_disposition_without_the_inspectors_note() {
        CanonicalEvent event = only(example(ReturnLinesInspected.class));

        assertThat(event.type()).isEqualTo("io.omnireturns.return.lines.inspected.v1");
        assertThat(event.data()).isEqualTo(new ReturnLinesInspectedV1(RETURN_ID, "INSP-1", List.of(
                new ReturnLinesInspectedV1.Line("L1", 1, 0, "LIKE_NEW", "RESTOCK", false))));
    }

    @Test
    void a_completed_inspection_gives_what_was_accepted_per_line_and_the_units_that_never_arrived() {
        CanonicalEvent event = only(example(ReturnInspectionCompleted.class));

        assertThat(event.type()).isEqualTo("io.omnireturns.return.inspection.completed.v1");
        assertThat(event.data()).isEqualTo(new ReturnInspectionCompletedV1(RETURN_ID, ORDER_ID, "ORIGINAL_TENDER",
                List.of(new ReturnInspectionCompletedV1.Line("L1", 1, "LIKE_NEW")),
                List.of(new ReturnInspectionCompletedV1.ShortLine("L2", 1)), false));
    }

    @Test
    void an_approved_refund_gives_every_amount_in_minor_units_with_its_currency_and_the_tender_split() {
        CanonicalEvent event = only(example(RefundApproved.class));

        assertThat(event.type()).isEqualTo("io.omnireturns.return.refund.approved.v1");
        assertThat(event.data()).isEqualTo(new RefundApprovedV1(RETURN_ID, "EUR", List.of(
                new RefundApprovedV1.Line("L1", 1, eur(5999), eur(1140), eur(600), eur(0), eur(6539),
                        List.of("RESTOCKING_FEE_CHANGED_MIND"))),
                eur(0), eur(6539), List.of(new RefundApprovedV1.Tender("T1", "CARD", eur(6539)))));
    }

    @Test
    void an_issued_refund_gives_the_gateway_reference_and_amount() {
        CanonicalEvent event = only(example(RefundIssued.class));

        assertThat(event.type()).isEqualTo("io.omnireturns.return.refund.issued.v1");
        assertThat(event.data()).isEqualTo(new RefundIssuedV1(RETURN_ID, "psp_re_123", eur(6539)));
    }

    @Test
    void a_failed_refund_gives_the_failure_code_and_whether_it_is_final_but_not_the_gateways_message() {
        CanonicalEvent event = only(example(RefundFailed.class));

        assertThat(event.type()).isEqualTo("io.omnireturns.return.refund.failed.v1");
        assertThat(event.data()).isEqualTo(new RefundFailedV1(RETURN_ID, "CARD_EXPIRED", true));
    }

    @Test
    void a_settled_refund_gives_the_gateway_reference() {
        CanonicalEvent event = only(example(RefundSettled.class));

        assertThat(event.type()).isEqualTo("io.omnireturns.return.refund.settled.v1");
        assertThat(event.data()).isEqualTo(new RefundSettledV1(RETURN_ID, "psp_re_123"));
    }

    @Test
    void a_posted_credit_memo_gives_the_document_number_and_amount() {
        CanonicalEvent event = only(example(CreditMemoPosted.class));

        assertThat(event.type()).isEqualTo("io.omnireturns.return.credit_memo.posted.v1");
        assertThat(event.data()).isEqualTo(new CreditMemoPostedV1(RETURN_ID, "CM-2026-0042", eur(6539)));
    }

    @Test
    void an_inventory_adjustment_is_a_stock_adjustment_by_disposition_at_a_location() {
        CanonicalEvent event = only(example(InventoryAdjusted.class));

        assertThat(event.type()).isEqualTo("io.omnireturns.return.stock.adjusted.v1");
        assertThat(event.data()).isEqualTo(new StockAdjustedV1(RETURN_ID, "ADJ-1", "L1", "SKU-SHOE-42", "RESTOCK",
                "DC-NORTH", 1));
    }

    @Test
    void a_replacement_order_gives_its_order_id() {
        CanonicalEvent event = only(example(ReplacementOrderCreated.class));

        assertThat(event.type()).isEqualTo("io.omnireturns.return.replacement_order.created.v1");
        assertThat(event.data()).isEqualTo(new ReplacementOrderCreatedV1(RETURN_ID, "ORD-2002"));
    }

    @Test
    void reversed_loyalty_points_give_the_points_and_the_reference() {
        CanonicalEvent event = only(example(LoyaltyAdjusted.class));

        assertThat(event.type()).isEqualTo("io.omnireturns.return.loyalty.reversed.v1");
        assertThat(event.data()).isEqualTo(new LoyaltyReversedV1(RETURN_ID, 60, "LOY-9"));
    }

    @Test
    void a_hold_gives_the_reason_and_the_status_it_stopped_in_but_not_the_typed_detail() {
        CanonicalEvent event = only(example(ReturnPutOnHold.class));

        assertThat(event.type()).isEqualTo("io.omnireturns.return.hold.placed.v1");
        assertThat(event.data()).isEqualTo(new ReturnHoldPlacedV1(RETURN_ID, "MANUAL", null, "AUTHORIZED"));
    }

    @Test
    void a_hold_resumed_gives_one_event_with_the_status_the_return_went_back_to() {
        CanonicalEvent event = only(holdResolved(HoldDecision.RESUME, ReturnStatus.AUTHORIZED));

        assertThat(event.type()).isEqualTo("io.omnireturns.return.hold.resolved.v1");
        assertThat(event.data()).isEqualTo(new ReturnHoldResolvedV1(RETURN_ID, "RESUME", "AUTHORIZED"));
    }

    @Test
    void a_hold_resolved_as_a_rejection_also_gives_the_rejection_under_a_second_stable_id_and_the_same_sequence() {
        List<CanonicalEvent> events = translator.translate("evt-9", 12, AT,
                holdResolved(HoldDecision.REJECT, ReturnStatus.REJECTED));

        assertThat(events).extracting(CanonicalEvent::id).containsExactly("evt-9", "evt-9#2");
        assertThat(events).extracting(CanonicalEvent::type)
                .containsExactly(CanonicalTypes.HOLD_RESOLVED, CanonicalTypes.RETURN_REJECTED);
        assertThat(events).extracting(CanonicalEvent::sequence).containsOnly(12L);
        assertThat(events.get(1).data()).isEqualTo(new ReturnRejectedV1(RETURN_ID, ORDER_ID, "STAFF", null, List.of()));
    }

    @Test
    void a_hold_resolved_as_a_cancellation_also_gives_the_cancellation() {
        List<CanonicalEvent> events = translator.translate("evt-9", 12, AT,
                holdResolved(HoldDecision.CANCEL, ReturnStatus.CANCELLED));

        assertThat(events).extracting(CanonicalEvent::id).containsExactly("evt-9", "evt-9#2");
        assertThat(events.get(0).data()).isEqualTo(new ReturnHoldResolvedV1(RETURN_ID, "CANCEL", "CANCELLED"));
        assertThat(events.get(1).data()).isEqualTo(new ReturnCancelledV1(RETURN_ID, ORDER_ID));
    }

    @Test
    void a_completed_return_is_completed() {
        CanonicalEvent event = only(example(ReturnCompleted.class));

        assertThat(event.type()).isEqualTo("io.omnireturns.return.completed.v1");
        assertThat(event.data()).isEqualTo(new ReturnCompletedV1(RETURN_ID));
    }

    @Test
    void internal_only_events_and_unknown_payloads_translate_to_nothing() {
        assertThat(translator.translate("e", 1, AT, new ReturnNoteAdded(RETURN_ID, "n1", "Jane called", "agent")))
                .isEmpty();
        assertThat(translator.translate("e", 1, AT, new CustomerNotified(RETURN_ID, "COMPLETED", "EMAIL"))).isEmpty();
        assertThat(translator.translate("e", 1, AT, new RefundRequested(RETURN_ID, "key", eur(1)))).isEmpty();
        assertThat(translator.translate("e", 1, AT, "not an event")).isEmpty();
        assertThat(translator.translate("e", 1, AT, null)).isEmpty();
    }

    @Test
    void a_clawback_after_an_early_refund_is_published_without_the_internal_charge_key_or_gateway_message() {
        CanonicalEvent decided = only(example(ClawbackDecided.class));

        assertThat(decided.type()).isEqualTo(CanonicalTypes.CLAWBACK_DECIDED);
        assertThat(decided.data()).isEqualTo(new ClawbackDecidedV1(RETURN_ID, eur(6539), eur(3270), eur(3269),
                "CHARGE"));
        assertThat(only(example(ClawbackCharged.class)).data())
                .isEqualTo(new ClawbackChargedV1(RETURN_ID, "PSP-CH-000043", eur(3269)));
        assertThat(only(example(ClawbackChargeFailed.class)).data())
                .isEqualTo(new ClawbackChargeFailedV1(RETURN_ID, "CARD_DECLINED", true));
    }

    @Test
    void a_charged_exchange_difference_is_published_with_the_gateway_reference_and_amount() {
        CanonicalEvent event = only(example(DifferenceCharged.class));

        assertThat(event.type()).isEqualTo(CanonicalTypes.DIFFERENCE_CHARGED);
        assertThat(event.data()).isEqualTo(new DifferenceChargedV1(RETURN_ID, "PSP-CH-000042", Money.of(4200, "EUR")));
    }
}
