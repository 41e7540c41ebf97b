package io.omnireturns.command.returns;

import io.omnireturns.api.ledger.RefundableLine;
import io.omnireturns.api.returns.Disposition;
import io.omnireturns.api.returns.ExternalSystem;
import io.omnireturns.api.returns.Grade;
import io.omnireturns.api.returns.HoldDecision;
import io.omnireturns.api.returns.HoldReason;
import io.omnireturns.api.returns.InspectedLine;
import io.omnireturns.api.returns.ReceivedLine;
import io.omnireturns.api.returns.RefundMethod;
import io.omnireturns.api.returns.ReturnReason;
import io.omnireturns.api.returns.ReturnStatus;
import io.omnireturns.api.returns.command.RecordInspection;
import io.omnireturns.api.returns.command.RecordReceipt;
import io.omnireturns.api.returns.event.ReturnAuthorized;
import io.omnireturns.api.returns.event.ReturnHoldResolved;
import io.omnireturns.api.returns.event.ReturnInspectionCompleted;
import io.omnireturns.api.returns.event.ReturnItemsReceived;
import io.omnireturns.api.returns.event.ReturnLinesInspected;
import io.omnireturns.api.returns.event.ReturnPutOnHold;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.omnireturns.command.returns.ReturnErrors.*;
import static io.omnireturns.command.returns.ReturnFixtures.ORDER_ID;
import static io.omnireturns.command.returns.ReturnFixtures.RETURN_ID;
import static io.omnireturns.command.returns.ReturnFixtures.refusal;
import static io.omnireturns.command.returns.ReturnFixtures.returnFixture;
import static io.omnireturns.command.returns.StandardReturn.L1_ACCEPTED;
import static io.omnireturns.command.returns.StandardReturn.L2_SCRAPPED;
import static io.omnireturns.command.returns.StandardReturn.WAREHOUSE;
import static io.omnireturns.command.returns.StandardReturn.authorized;
import static io.omnireturns.command.returns.StandardReturn.decision;
import static io.omnireturns.command.returns.StandardReturn.inTransit;
import static io.omnireturns.command.returns.StandardReturn.heldForManualReview;
import static io.omnireturns.command.returns.StandardReturn.inspected;
import static io.omnireturns.command.returns.StandardReturn.inspectionCompleted;
import static io.omnireturns.command.returns.StandardReturn.itemsReceived;
import static io.omnireturns.command.returns.StandardReturn.orderedMap;
import static io.omnireturns.command.returns.StandardReturn.received;
import static io.omnireturns.command.returns.StandardReturn.requested;
import static io.omnireturns.command.returns.StandardReturn.wrongItemParcelHeldFrom;

/**
 * The parcel received and its lines inspected.
 * (The standard return: {@link StandardReturn}.)
 */
class ReturnReceiptAggregateTest {

    private final AggregateTestFixture<ReturnAggregate> fixture = returnFixture();

    @Nested
    class Receiving {

        @Test
        void receiving_everything_authorized_makes_the_return_received() {
            List<ReceivedLine> lines = List.of(new ReceivedLine("L1", 2, null), new ReceivedLine("L2", 1, null));

            fixture.given(inTransit())
                    .when(new RecordReceipt(RETURN_ID, "RCPT-1", WAREHOUSE, lines))
                    .expectEvents(new ReturnItemsReceived(RETURN_ID, "RCPT-1", WAREHOUSE, lines, List.of()))
                    .expectResultMessagePayload(ReturnStatus.RECEIVED);
        }

        @Test
        void a_parcel_can_be_received_without_an_in_transit_scan() {
            List<ReceivedLine> lines = List.of(new ReceivedLine("L1", 2, null));

            fixture.given(authorized())
                    .when(new RecordReceipt(RETURN_ID, "RCPT-1", WAREHOUSE, lines))
                    .expectEvents(new ReturnItemsReceived(RETURN_ID, "RCPT-1", WAREHOUSE, lines, List.of()))
                    .expectResultMessagePayload(ReturnStatus.RECEIVED);
        }

        @Test
        void a_partial_receipt_already_makes_the_return_received() {
            List<ReceivedLine> lines = List.of(new ReceivedLine("L1", 1, null));

            fixture.given(inTransit())
                    .when(new RecordReceipt(RETURN_ID, "RCPT-1", WAREHOUSE, lines))
                    .expectEvents(new ReturnItemsReceived(RETURN_ID, "RCPT-1", WAREHOUSE, lines, List.of()))
                    .expectResultMessagePayload(ReturnStatus.RECEIVED);
        }

        @Test
        void after_a_partial_receipt_the_rest_can_still_arrive() {
            List<ReceivedLine> rest = List.of(new ReceivedLine("L1", 1, null), new ReceivedLine("L2", 1, null));

            fixture.given(inTransit())
                    .andGiven(itemsReceived("RCPT-1", new ReceivedLine("L1", 1, null)))
                    .when(new RecordReceipt(RETURN_ID, "RCPT-2", WAREHOUSE, rest))
                    .expectEvents(new ReturnItemsReceived(RETURN_ID, "RCPT-2", WAREHOUSE, rest, List.of()))
                    .expectResultMessagePayload(ReturnStatus.RECEIVED);
        }

        @Test
        void receiving_more_than_authorized_is_refused() {
            fixture.given(inTransit())
                    .when(new RecordReceipt(RETURN_ID, "RCPT-1", WAREHOUSE, List.of(new ReceivedLine("L1", 3, null))))
                    .expectNoEvents()
                    .expectException(refusal(RECEIVED_QUANTITY_EXCEEDS_AUTHORIZED));
        }

        @Test
        void receiving_more_than_authorized_over_two_receipts_is_refused() {
            fixture.given(inTransit())
                    .andGiven(itemsReceived("RCPT-1", new ReceivedLine("L1", 2, null)))
                    .when(new RecordReceipt(RETURN_ID, "RCPT-2", WAREHOUSE, List.of(new ReceivedLine("L1", 1, null))))
                    .expectNoEvents()
                    .expectException(refusal(RECEIVED_QUANTITY_EXCEEDS_AUTHORIZED));
        }

        @Test
        void receiving_more_than_authorized_in_two_lines_of_one_receipt_is_refused() {
            fixture.given(inTransit())
                    .when(new RecordReceipt(RETURN_ID, "RCPT-1", WAREHOUSE,
                            List.of(new ReceivedLine("L1", 2, null), new ReceivedLine("L1", 1, null))))
                    .expectNoEvents()
                    .expectException(refusal(RECEIVED_QUANTITY_EXCEEDS_AUTHORIZED));
        }

        @Test
        void receiving_more_than_a_partial_authorization_is_refused() {
            fixture.given(requested())
                    .andGiven(new ReturnAuthorized(RETURN_ID, List.of(decision("L1", 2, 1), decision("L2", 1, 1))))
                    .when(new RecordReceipt(RETURN_ID, "RCPT-1", WAREHOUSE, List.of(new ReceivedLine("L1", 2, null))))
                    .expectNoEvents()
                    .expectException(refusal(RECEIVED_QUANTITY_EXCEEDS_AUTHORIZED));
        }

        @Test
        void receiving_a_line_whose_return_was_not_authorized_is_refused() {
            fixture.given(requested())
                    .andGiven(new ReturnAuthorized(RETURN_ID, List.of(decision("L1", 2, 2), decision("L2", 1, 0))))
                    .when(new RecordReceipt(RETURN_ID, "RCPT-1", WAREHOUSE, List.of(new ReceivedLine("L2", 1, null))))
                    .expectNoEvents()
                    .expectException(refusal(LINE_NOT_AUTHORIZED));
        }

        @Test
        void receiving_a_line_that_is_not_part_of_the_return_is_refused() {
            fixture.given(inTransit())
                    .when(new RecordReceipt(RETURN_ID, "RCPT-1", WAREHOUSE, List.of(new ReceivedLine("L3", 1, null))))
                    .expectNoEvents()
                    .expectException(refusal(LINE_NOT_AUTHORIZED));
        }

        @Test
        void a_wrong_item_is_recorded_and_puts_the_return_on_hold_for_inspection_mismatch() {
            List<ReceivedLine> lines = List.of(new ReceivedLine("L1", 2, null), new ReceivedLine("L2", 1, "SKU-OTHER"));

            fixture.given(inTransit())
                    .when(new RecordReceipt(RETURN_ID, "RCPT-1", WAREHOUSE, lines))
                    .expectEvents(
                            new ReturnItemsReceived(RETURN_ID, "RCPT-1", WAREHOUSE, lines, List.of("L2")),
                            new ReturnPutOnHold(RETURN_ID, HoldReason.INSPECTION_MISMATCH, ExternalSystem.WAREHOUSE,
                                    "wrong item received for line(s) L2", ReturnStatus.RECEIVED))
                    .expectResultMessagePayload(ReturnStatus.ON_HOLD);
        }

        @Test
        void the_expected_sku_named_on_a_receipt_is_not_a_wrong_item() {
            List<ReceivedLine> lines = List.of(new ReceivedLine("L2", 1, "SKU-L2"));

            fixture.given(inTransit())
                    .when(new RecordReceipt(RETURN_ID, "RCPT-1", WAREHOUSE, lines))
                    .expectEvents(new ReturnItemsReceived(RETURN_ID, "RCPT-1", WAREHOUSE, lines, List.of()))
                    .expectResultMessagePayload(ReturnStatus.RECEIVED);
        }

        @Test
        void a_parcel_of_only_wrong_items_is_held_from_in_transit_because_nothing_counts_as_received() {
            List<ReceivedLine> lines = List.of(new ReceivedLine("L2", 1, "SKU-OTHER"));

            fixture.given(inTransit())
                    .when(new RecordReceipt(RETURN_ID, "RCPT-1", WAREHOUSE, lines))
                    .expectEvents(
                            new ReturnItemsReceived(RETURN_ID, "RCPT-1", WAREHOUSE, lines, List.of("L2")),
                            new ReturnPutOnHold(RETURN_ID, HoldReason.INSPECTION_MISMATCH, ExternalSystem.WAREHOUSE,
                                    "wrong item received for line(s) L2", ReturnStatus.IN_TRANSIT))
                    .expectResultMessagePayload(ReturnStatus.ON_HOLD);
        }

        @Test
        void wrong_items_do_not_use_up_the_authorized_quantity() {
            List<ReceivedLine> rightItem = List.of(new ReceivedLine("L2", 1, null));

            fixture.given(inTransit())
                    .andGiven(wrongItemParcelHeldFrom(ReturnStatus.IN_TRANSIT))
                    .andGiven(new ReturnHoldResolved(RETURN_ID, ORDER_ID, HoldDecision.RESUME, "customer sends the right one",
                            "agent-7", ReturnStatus.IN_TRANSIT))
                    .when(new RecordReceipt(RETURN_ID, "RCPT-2", WAREHOUSE, rightItem))
                    .expectEvents(new ReturnItemsReceived(RETURN_ID, "RCPT-2", WAREHOUSE, rightItem, List.of()))
                    .expectResultMessagePayload(ReturnStatus.RECEIVED);
        }

        @Test
        void the_same_receipt_delivered_twice_changes_nothing() {
            fixture.given(received())
                    .when(new RecordReceipt(RETURN_ID, "RCPT-1", WAREHOUSE,
                            List.of(new ReceivedLine("L1", 2, null), new ReceivedLine("L2", 1, null))))
                    .expectNoEvents()
                    .expectResultMessagePayload(ReturnStatus.RECEIVED);
        }

        @Test
        void a_receipt_without_a_location_is_refused() {
            fixture.given(inTransit())
                    .when(new RecordReceipt(RETURN_ID, "RCPT-1", " ", List.of(new ReceivedLine("L1", 1, null))))
                    .expectNoEvents()
                    .expectException(refusal(LOCATION_REQUIRED));
        }

        @Test
        void a_receipt_without_lines_is_refused() {
            fixture.given(inTransit())
                    .when(new RecordReceipt(RETURN_ID, "RCPT-1", WAREHOUSE, List.of()))
                    .expectNoEvents()
                    .expectException(refusal(RETURN_HAS_NO_LINES));
        }

        @Test
        void a_receipt_of_no_items_for_a_line_is_refused() {
            fixture.given(inTransit())
                    .when(new RecordReceipt(RETURN_ID, "RCPT-1", WAREHOUSE, List.of(new ReceivedLine("L1", 0, null))))
                    .expectNoEvents()
                    .expectException(refusal(INVALID_QUANTITY));
        }

        @Test
        void a_return_not_yet_authorized_cannot_receive_items() {
            fixture.given(requested())
                    .when(new RecordReceipt(RETURN_ID, "RCPT-1", WAREHOUSE, List.of(new ReceivedLine("L1", 1, null))))
                    .expectNoEvents()
                    .expectException(refusal(ILLEGAL_TRANSITION));
        }

        @Test
        void an_inspected_return_receives_nothing_more() {
            fixture.given(inspected())
                    .when(new RecordReceipt(RETURN_ID, "RCPT-2", WAREHOUSE, List.of(new ReceivedLine("L1", 1, null))))
                    .expectNoEvents()
                    .expectException(refusal(ILLEGAL_TRANSITION));
        }
    }

    @Nested
    class Inspecting {

        @Test
        void inspecting_every_received_line_completes_the_inspection() {
            fixture.given(received())
                    .when(new RecordInspection(RETURN_ID, "INSP-1", List.of(L1_ACCEPTED, L2_SCRAPPED)))
                    .expectEvents(
                            new ReturnLinesInspected(RETURN_ID, "INSP-1", List.of(L1_ACCEPTED, L2_SCRAPPED)),
                            inspectionCompleted(Map.of(), false))
                    .expectResultMessagePayload(ReturnStatus.INSPECTED);
        }

        @Test
        void the_inspection_completes_only_when_every_received_line_is_inspected() {
            fixture.given(received())
                    .when(new RecordInspection(RETURN_ID, "INSP-1", List.of(L1_ACCEPTED)))
                    .expectEvents(new ReturnLinesInspected(RETURN_ID, "INSP-1", List.of(L1_ACCEPTED)))
                    .expectResultMessagePayload(ReturnStatus.RECEIVED);
        }

        @Test
        void the_second_inspection_that_covers_the_last_received_line_completes_the_inspection() {
            fixture.given(received())
                    .andGiven(new ReturnLinesInspected(RETURN_ID, "INSP-1", List.of(L1_ACCEPTED)))
                    .when(new RecordInspection(RETURN_ID, "INSP-2", List.of(L2_SCRAPPED)))
                    .expectEvents(
                            new ReturnLinesInspected(RETURN_ID, "INSP-2", List.of(L2_SCRAPPED)),
                            inspectionCompleted(Map.of(), false))
                    .expectResultMessagePayload(ReturnStatus.INSPECTED);
        }

        @Test
        void authorized_items_that_never_arrived_are_reported_short() {
            InspectedLine oneOfL1 = new InspectedLine("L1", 1, 0, Grade.LIKE_NEW, Disposition.RESTOCK, false, null);

            fixture.given(inTransit())
                    .andGiven(itemsReceived("RCPT-1", new ReceivedLine("L1", 1, null)))
                    .when(new RecordInspection(RETURN_ID, "INSP-1", List.of(oneOfL1)))
                    .expectEvents(
                            new ReturnLinesInspected(RETURN_ID, "INSP-1", List.of(oneOfL1)),
                            new ReturnInspectionCompleted(RETURN_ID, ORDER_ID, RefundMethod.ORIGINAL_TENDER,
                                    List.of(new RefundableLine("L1", 1, Grade.LIKE_NEW, ReturnReason.SIZE_OR_FIT)),
                                    orderedMap("L1", 1, "L2", 1), false))
                    .expectResultMessagePayload(ReturnStatus.INSPECTED);
        }

        @Test
        void a_line_sent_for_manual_review_completes_the_inspection_awaiting_review_and_puts_the_return_on_hold() {
            InspectedLine forReview = new InspectedLine("L1", 2, 0, Grade.USED, Disposition.REFURBISH, true, "stains?");

            fixture.given(received())
                    .when(new RecordInspection(RETURN_ID, "INSP-1", List.of(forReview, L2_SCRAPPED)))
                    .expectEvents(heldForManualReview().toArray())
                    .expectResultMessagePayload(ReturnStatus.ON_HOLD);
        }

        @Test
        void an_inspection_before_anything_was_received_is_refused() {
            fixture.given(inTransit())
                    .when(new RecordInspection(RETURN_ID, "INSP-1", List.of(L1_ACCEPTED)))
                    .expectNoEvents()
                    .expectException(refusal(ILLEGAL_TRANSITION));
        }

        @Test
        void inspecting_a_line_of_which_nothing_was_received_is_refused() {
            fixture.given(inTransit())
                    .andGiven(itemsReceived("RCPT-1", new ReceivedLine("L1", 2, null)))
                    .when(new RecordInspection(RETURN_ID, "INSP-1", List.of(L2_SCRAPPED)))
                    .expectNoEvents()
                    .expectException(refusal(LINE_NOT_RECEIVED));
        }

        @Test
        void accepted_and_rejected_that_do_not_add_up_to_what_was_received_are_refused() {
            fixture.given(received())
                    .when(new RecordInspection(RETURN_ID, "INSP-1",
                            List.of(new InspectedLine("L1", 1, 0, Grade.NEW, Disposition.RESTOCK, false, null))))
                    .expectNoEvents()
                    .expectException(refusal(INSPECTION_QUANTITY_MISMATCH));
        }

        @Test
        void a_negative_quantity_in_an_inspection_is_refused_even_when_the_sum_fits() {
            fixture.given(received())
                    .when(new RecordInspection(RETURN_ID, "INSP-1",
                            List.of(new InspectedLine("L1", 3, -1, Grade.NEW, Disposition.RESTOCK, false, null))))
                    .expectNoEvents()
                    .expectException(refusal(INSPECTION_QUANTITY_MISMATCH));
        }

        @Test
        void an_inspected_line_needs_a_grade_and_a_disposition() {
            fixture.given(received())
                    .when(new RecordInspection(RETURN_ID, "INSP-1",
                            List.of(new InspectedLine("L1", 2, 0, Grade.NEW, null, false, null))))
                    .expectNoEvents()
                    .expectException(refusal(GRADE_AND_DISPOSITION_REQUIRED));
        }

        @Test
        void an_inspection_without_lines_is_refused() {
            fixture.given(received())
                    .when(new RecordInspection(RETURN_ID, "INSP-1", List.of()))
                    .expectNoEvents()
                    .expectException(refusal(RETURN_HAS_NO_LINES));
        }

        @Test
        void a_line_is_inspected_once() {
            fixture.given(received())
                    .andGiven(new ReturnLinesInspected(RETURN_ID, "INSP-1", List.of(L1_ACCEPTED)))
                    .when(new RecordInspection(RETURN_ID, "INSP-2", List.of(L1_ACCEPTED)))
                    .expectNoEvents()
                    .expectException(refusal(LINE_ALREADY_INSPECTED));
        }

        @Test
        void an_inspection_naming_a_line_twice_is_refused() {
            InspectedLine firstHalf = new InspectedLine("L1", 2, 0, Grade.NEW, Disposition.RESTOCK, false, null);
            InspectedLine again = new InspectedLine("L1", 0, 2, Grade.DAMAGED, Disposition.SCRAP, false, null);

            fixture.given(received())
                    .when(new RecordInspection(RETURN_ID, "INSP-1", List.of(firstHalf, again)))
                    .expectNoEvents()
                    .expectException(refusal(LINE_ALREADY_INSPECTED));
        }

        @Test
        void the_same_inspection_delivered_twice_changes_nothing() {
            fixture.given(received())
                    .andGiven(new ReturnLinesInspected(RETURN_ID, "INSP-1", List.of(L1_ACCEPTED)))
                    .when(new RecordInspection(RETURN_ID, "INSP-1", List.of(L1_ACCEPTED)))
                    .expectNoEvents()
                    .expectResultMessagePayload(ReturnStatus.RECEIVED);
        }

        @Test
        void items_that_arrive_after_their_line_was_inspected_keep_the_inspection_open() {
            InspectedLine firstOfL1 = new InspectedLine("L1", 1, 0, Grade.NEW, Disposition.RESTOCK, false, null);

            fixture.given(inTransit())
                    .andGiven(itemsReceived("RCPT-1", new ReceivedLine("L1", 1, null), new ReceivedLine("L2", 1, null)))
                    .andGiven(new ReturnLinesInspected(RETURN_ID, "INSP-1", List.of(firstOfL1)))
                    .andGiven(itemsReceived("RCPT-2", new ReceivedLine("L1", 1, null)))
                    .when(new RecordInspection(RETURN_ID, "INSP-2", List.of(L2_SCRAPPED)))
                    .expectEvents(new ReturnLinesInspected(RETURN_ID, "INSP-2", List.of(L2_SCRAPPED)))
                    .expectResultMessagePayload(ReturnStatus.RECEIVED);
        }

        @Test
        void a_line_that_received_more_items_after_its_inspection_is_inspected_again_in_full() {
            InspectedLine firstOfL1 = new InspectedLine("L1", 1, 0, Grade.NEW, Disposition.RESTOCK, false, null);

            fixture.given(inTransit())
                    .andGiven(itemsReceived("RCPT-1", new ReceivedLine("L1", 1, null), new ReceivedLine("L2", 1, null)))
                    .andGiven(new ReturnLinesInspected(RETURN_ID, "INSP-1", List.of(firstOfL1, L2_SCRAPPED)))
                    .andGiven(itemsReceived("RCPT-2", new ReceivedLine("L1", 1, null)))
                    .when(new RecordInspection(RETURN_ID, "INSP-2", List.of(L1_ACCEPTED)))
                    .expectEvents(
                            new ReturnLinesInspected(RETURN_ID, "INSP-2", List.of(L1_ACCEPTED)),
                            inspectionCompleted(Map.of(), false))
                    .expectResultMessagePayload(ReturnStatus.INSPECTED);
        }
    }
}
