package io.omnireturns.command.returns;

import io.omnireturns.api.ledger.RefundableLine;
import io.omnireturns.api.money.Money;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.orders.TenderType;
import io.omnireturns.api.returns.Disposition;
import io.omnireturns.api.returns.ExternalSystem;
import io.omnireturns.api.returns.Grade;
import io.omnireturns.api.returns.HoldDecision;
import io.omnireturns.api.returns.HoldReason;
import io.omnireturns.api.returns.ProcessStep;
import io.omnireturns.api.returns.command.RaiseException;
import io.omnireturns.api.returns.command.RetryException;
import io.omnireturns.api.returns.event.ExceptionRaised;
import io.omnireturns.api.returns.event.ExceptionResolved;
import io.omnireturns.api.returns.InspectedLine;
import io.omnireturns.api.returns.LineDecision;
import io.omnireturns.api.returns.LineRefund;
import io.omnireturns.api.returns.ReceivedLine;
import io.omnireturns.api.returns.RefundBreakdown;
import io.omnireturns.api.returns.RefundMethod;
import io.omnireturns.api.returns.RequestedLine;
import io.omnireturns.api.returns.ReturnReason;
import io.omnireturns.api.returns.ReturnStatus;
import io.omnireturns.api.security.AccessScope;
import io.omnireturns.api.returns.TenderRefund;
import io.omnireturns.api.returns.command.ApproveRefund;
import io.omnireturns.api.returns.command.CancelReturn;
import io.omnireturns.api.returns.command.CompleteReturn;
import io.omnireturns.api.returns.command.ExpireReturn;
import io.omnireturns.api.returns.command.IssueReturnLabel;
import io.omnireturns.api.returns.command.PutReturnOnHold;
import io.omnireturns.api.returns.command.RecordCreditMemoPosted;
import io.omnireturns.api.returns.command.RecordCustomerNotified;
import io.omnireturns.api.returns.command.RecordEligibilityDecision;
import io.omnireturns.api.returns.command.RecordInspection;
import io.omnireturns.api.returns.command.RecordInventoryAdjusted;
import io.omnireturns.api.returns.command.RecordLoyaltyAdjusted;
import io.omnireturns.api.returns.command.RecordParcelInTransit;
import io.omnireturns.api.returns.command.RecordReceipt;
import io.omnireturns.api.returns.command.RecordRefundFailed;
import io.omnireturns.api.returns.command.RecordRefundIssued;
import io.omnireturns.api.returns.command.RecordRefundRequested;
import io.omnireturns.api.returns.command.RequestReturn;
import io.omnireturns.api.returns.command.ResolveHold;
import io.omnireturns.api.returns.event.CreditMemoPosted;
import io.omnireturns.api.returns.event.CustomerNotified;
import io.omnireturns.api.returns.event.InventoryAdjusted;
import io.omnireturns.api.returns.event.LoyaltyAdjusted;
import io.omnireturns.api.returns.event.RefundApproved;
import io.omnireturns.api.returns.event.RefundFailed;
import io.omnireturns.api.returns.event.RefundIssued;
import io.omnireturns.api.returns.event.RefundSettled;
import io.omnireturns.api.returns.event.RefundRequested;
import io.omnireturns.api.returns.event.ReturnAuthorized;
import io.omnireturns.api.returns.event.ReturnCancelled;
import io.omnireturns.api.returns.event.ReturnCompleted;
import io.omnireturns.api.returns.event.ReturnExpired;
import io.omnireturns.api.returns.event.ReturnHoldResolved;
import io.omnireturns.api.returns.event.ReturnInspectionCompleted;
import io.omnireturns.api.returns.event.ReturnItemsReceived;
import io.omnireturns.api.returns.event.ReturnLabelIssued;
import io.omnireturns.api.returns.event.ReturnLinesInspected;
import io.omnireturns.api.returns.event.ReturnParcelInTransit;
import io.omnireturns.api.returns.event.ReturnPutOnHold;
import io.omnireturns.api.returns.event.ReturnRejected;
import io.omnireturns.api.returns.event.ReturnRequested;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.omnireturns.command.policy.OrderFixtures.EUR;
import static io.omnireturns.command.policy.OrderFixtures.anOrder;
import static io.omnireturns.command.policy.OrderFixtures.eur;
import static io.omnireturns.command.returns.ReturnErrors.*;
import static io.omnireturns.command.returns.ReturnFixtures.ORDER_ID;
import static io.omnireturns.command.returns.ReturnFixtures.RETURN_ID;
import static io.omnireturns.command.returns.ReturnFixtures.refusal;
import static io.omnireturns.command.returns.ReturnFixtures.returnFixture;
import static io.omnireturns.command.returns.ReturnFixtures.then;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Named.named;

/**
 * One return through its lifecycle. The standard return asks for both units of L1 (size) and the one unit of L2
 * (defective); the warehouse accepts L1 and scraps L2, so 120.00 EUR is refunded to the card. Amounts are minor units.
 */
class ReturnAggregateTest {

    private static final String CUSTOMER_ID = "CUST-1";
    private static final String WAREHOUSE = "DC-1";

    private static final OrderSnapshot ORDER = anOrder()
            .withLine("L1", 2, 5000, 2000)
            .withLine("L2", 1, 3000, 600)
            .withLine("L3", 3, 1000, 600)
            .paidWith("T1", TenderType.CARD, 17200)
            .build();

    private static final List<RequestedLine> REQUESTED_LINES = List.of(
            new RequestedLine("L1", 2, ReturnReason.SIZE_OR_FIT),
            new RequestedLine("L2", 1, ReturnReason.DEFECTIVE));

    private static final InspectedLine L1_ACCEPTED = new InspectedLine("L1", 2, 0, Grade.NEW, Disposition.RESTOCK, false, null);
    private static final InspectedLine L2_SCRAPPED = new InspectedLine("L2", 0, 1, Grade.UNSALEABLE, Disposition.SCRAP, false, "screen cracked");

    private static final Money REFUND_TOTAL = eur(12_000);
    private static final RefundBreakdown REFUND = new RefundBreakdown(EUR,
            List.of(lineRefund("L1", 2, 10_000, 2_000)), eur(0), REFUND_TOTAL,
            List.of(new TenderRefund("T1", TenderType.CARD, REFUND_TOTAL)));
    private static final String REFUND_KEY = RETURN_ID + ":refund";
    private static final String GATEWAY_REFERENCE = "PSP-REF-1";

    private AggregateTestFixture<ReturnAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = returnFixture();
    }

    @Nested
    class Requesting {

        @Test
        void a_request_for_lines_of_the_order_is_recorded_and_answers_the_return_id() {
            fixture.givenNoPriorActivity()
                    .when(request(REQUESTED_LINES))
                    .expectEvents(returnRequested())
                    .expectResultMessagePayload(RETURN_ID);
        }

        @Test
        void a_store_return_names_the_store_that_takes_it() {
            fixture.givenNoPriorActivity()
                    .when(new RequestReturn(RETURN_ID, SalesChannel.STORE, "STORE-001", CUSTOMER_ID,
                            RefundMethod.ORIGINAL_TENDER, REQUESTED_LINES, ORDER))
                    .expectEvents(new ReturnRequested(RETURN_ID, SalesChannel.STORE, "STORE-001", CUSTOMER_ID, ORDER_ID,
                            RefundMethod.ORIGINAL_TENDER, REQUESTED_LINES, ORDER));
        }

        @Test
        void a_request_without_lines_is_refused() {
            fixture.givenNoPriorActivity()
                    .when(request(List.of()))
                    .expectNoEvents()
                    .expectException(refusal(RETURN_HAS_NO_LINES));
        }

        @Test
        void a_request_naming_the_same_order_line_twice_is_refused() {
            fixture.givenNoPriorActivity()
                    .when(request(List.of(new RequestedLine("L1", 1, ReturnReason.SIZE_OR_FIT),
                            new RequestedLine("L1", 1, ReturnReason.CHANGED_MIND))))
                    .expectNoEvents()
                    .expectException(refusal(DUPLICATE_LINE));
        }

        @Test
        void a_request_for_a_line_the_order_does_not_have_is_refused() {
            fixture.givenNoPriorActivity()
                    .when(request(List.of(new RequestedLine("L9", 1, ReturnReason.SIZE_OR_FIT))))
                    .expectNoEvents()
                    .expectException(refusal(ORDER_LINE_NOT_FOUND));
        }

        @ParameterizedTest(name = "quantity {0}")
        @ValueSource(ints = {0, -1})
        void a_request_for_a_non_positive_quantity_is_refused(int quantity) {
            fixture.givenNoPriorActivity()
                    .when(request(List.of(new RequestedLine("L1", quantity, ReturnReason.SIZE_OR_FIT))))
                    .expectNoEvents()
                    .expectException(refusal(INVALID_QUANTITY));
        }

        @ParameterizedTest(name = "store id \"{0}\"")
        @ValueSource(strings = {"", " "})
        void a_store_return_without_a_store_id_is_refused(String storeId) {
            fixture.givenNoPriorActivity()
                    .when(new RequestReturn(RETURN_ID, SalesChannel.STORE, storeId, CUSTOMER_ID,
                            RefundMethod.ORIGINAL_TENDER, REQUESTED_LINES, ORDER))
                    .expectNoEvents()
                    .expectException(refusal(STORE_ID_REQUIRED));
        }

        @Test
        void a_store_return_with_no_store_id_at_all_is_refused() {
            fixture.givenNoPriorActivity()
                    .when(new RequestReturn(RETURN_ID, SalesChannel.STORE, null, CUSTOMER_ID,
                            RefundMethod.ORIGINAL_TENDER, REQUESTED_LINES, ORDER))
                    .expectNoEvents()
                    .expectException(refusal(STORE_ID_REQUIRED));
        }
    }

    @Nested
    class DecidingEligibility {

        @Test
        void authorizing_every_requested_line_authorizes_the_return() {
            List<LineDecision> decisions = List.of(decision("L1", 2, 2), decision("L2", 1, 1));

            fixture.given(requested())
                    .when(new RecordEligibilityDecision(RETURN_ID, decisions))
                    .expectEvents(new ReturnAuthorized(RETURN_ID, decisions))
                    .expectResultMessagePayload(ReturnStatus.AUTHORIZED);
        }

        @Test
        void authorizing_part_of_the_request_authorizes_the_return_for_that_part() {
            List<LineDecision> decisions = List.of(decision("L1", 2, 1), decision("L2", 1, 0));

            fixture.given(requested())
                    .when(new RecordEligibilityDecision(RETURN_ID, decisions))
                    .expectEvents(new ReturnAuthorized(RETURN_ID, decisions))
                    .expectResultMessagePayload(ReturnStatus.AUTHORIZED);
        }

        @Test
        void rejecting_every_line_rejects_the_return() {
            List<LineDecision> decisions = List.of(decision("L1", 2, 0), decision("L2", 1, 0));

            fixture.given(requested())
                    .when(new RecordEligibilityDecision(RETURN_ID, decisions))
                    .expectEvents(new ReturnRejected(RETURN_ID, ORDER_ID, decisions))
                    .expectResultMessagePayload(ReturnStatus.REJECTED);
        }

        @Test
        void a_decision_for_a_line_that_was_not_requested_is_refused() {
            fixture.given(requested())
                    .when(new RecordEligibilityDecision(RETURN_ID,
                            List.of(decision("L1", 2, 2), decision("L2", 1, 1), decision("L3", 1, 1))))
                    .expectNoEvents()
                    .expectException(refusal(DECISION_DOES_NOT_MATCH_REQUEST));
        }

        @Test
        void a_decision_that_leaves_a_requested_line_out_is_refused() {
            fixture.given(requested())
                    .when(new RecordEligibilityDecision(RETURN_ID, List.of(decision("L1", 2, 2))))
                    .expectNoEvents()
                    .expectException(refusal(DECISION_DOES_NOT_MATCH_REQUEST));
        }

        @Test
        void a_decision_that_authorizes_more_than_was_requested_is_refused() {
            fixture.given(requested())
                    .when(new RecordEligibilityDecision(RETURN_ID, List.of(decision("L1", 2, 3), decision("L2", 1, 1))))
                    .expectNoEvents()
                    .expectException(refusal(DECISION_DOES_NOT_MATCH_REQUEST));
        }

        @Test
        void a_decision_that_decides_a_line_twice_is_refused() {
            fixture.given(requested())
                    .when(new RecordEligibilityDecision(RETURN_ID,
                            List.of(decision("L1", 2, 2), decision("L1", 2, 0), decision("L2", 1, 1))))
                    .expectNoEvents()
                    .expectException(refusal(DECISION_DOES_NOT_MATCH_REQUEST));
        }

        @Test
        void an_overdue_decision_that_could_not_be_made_puts_the_requested_return_on_hold_in_the_exception_queue() {
            fixture.given(requested())
                    .when(new RaiseException(RETURN_ID, ProcessStep.DECIDE_ELIGIBILITY, "DECIDE_ELIGIBILITY",
                            "DECISION_FAILED", "ledger unavailable", 1))
                    .expectEvents(new ExceptionRaised(RETURN_ID, "EX-" + RETURN_ID + "-1", ProcessStep.DECIDE_ELIGIBILITY,
                                    "DECIDE_ELIGIBILITY", ExternalSystem.ORDER, "DECISION_FAILED", "ledger unavailable", 1),
                            new ReturnPutOnHold(RETURN_ID, HoldReason.DECISION_OVERDUE, ExternalSystem.ORDER,
                                    "DECIDE_ELIGIBILITY failed: DECISION_FAILED: ledger unavailable",
                                    ReturnStatus.REQUESTED));
        }

        @Test
        void an_overdue_decision_failure_reported_after_the_return_was_decided_changes_nothing() {
            fixture.given(authorized())
                    .when(new RaiseException(RETURN_ID, ProcessStep.DECIDE_ELIGIBILITY, "DECIDE_ELIGIBILITY",
                            "DECISION_FAILED", "ledger unavailable", 1))
                    .expectNoEvents()
                    .expectResultMessagePayload(ReturnStatus.AUTHORIZED);
        }

        @Test
        void a_repeated_decision_changes_nothing_and_answers_the_current_status() {
            fixture.given(authorized())
                    .when(new RecordEligibilityDecision(RETURN_ID, List.of(decision("L1", 2, 0), decision("L2", 1, 0))))
                    .expectNoEvents()
                    .expectResultMessagePayload(ReturnStatus.AUTHORIZED);
        }
    }

    @Nested
    class ShippingBack {

        @Test
        void an_authorized_return_gets_a_label() {
            fixture.given(authorized())
                    .when(new IssueReturnLabel(RETURN_ID, "DHL", "TRACK-1", "https://labels.example/1"))
                    .expectEvents(new ReturnLabelIssued(RETURN_ID, "DHL", "TRACK-1", "https://labels.example/1"))
                    .expectResultMessagePayload(ReturnStatus.AUTHORIZED);
        }

        @Test
        void a_label_is_issued_once() {
            fixture.given(authorized())
                    .andGiven(new ReturnLabelIssued(RETURN_ID, "DHL", "TRACK-1", "https://labels.example/1"))
                    .when(new IssueReturnLabel(RETURN_ID, "DHL", "TRACK-2", "https://labels.example/2"))
                    .expectNoEvents()
                    .expectResultMessagePayload(ReturnStatus.AUTHORIZED);
        }

        @Test
        void a_return_not_yet_authorized_gets_no_label() {
            fixture.given(requested())
                    .when(new IssueReturnLabel(RETURN_ID, "DHL", "TRACK-1", "https://labels.example/1"))
                    .expectNoEvents()
                    .expectException(refusal(ILLEGAL_TRANSITION));
        }

        @Test
        void the_carrier_taking_the_parcel_puts_the_return_in_transit() {
            fixture.given(authorized())
                    .when(new RecordParcelInTransit(RETURN_ID, "DHL", "TRACK-1"))
                    .expectEvents(new ReturnParcelInTransit(RETURN_ID, "DHL", "TRACK-1"))
                    .expectResultMessagePayload(ReturnStatus.IN_TRANSIT);
        }

        @Test
        void the_same_carrier_scan_reported_again_changes_nothing() {
            fixture.given(inTransit())
                    .when(new RecordParcelInTransit(RETURN_ID, "DHL", "TRACK-1"))
                    .expectNoEvents()
                    .expectResultMessagePayload(ReturnStatus.IN_TRANSIT);
        }

        @Test
        void a_carrier_scan_reported_after_the_parcel_arrived_changes_nothing() {
            fixture.given(received())
                    .when(new RecordParcelInTransit(RETURN_ID, "DHL", "TRACK-1"))
                    .expectNoEvents()
                    .expectResultMessagePayload(ReturnStatus.RECEIVED);
        }

        @Test
        void a_carrier_scan_reported_after_the_return_was_cancelled_changes_nothing() {
            fixture.given(cancelled())
                    .when(new RecordParcelInTransit(RETURN_ID, "DHL", "TRACK-1"))
                    .expectNoEvents()
                    .expectResultMessagePayload(ReturnStatus.CANCELLED);
        }

        @Test
        void a_return_not_yet_authorized_cannot_be_in_transit() {
            fixture.given(requested())
                    .when(new RecordParcelInTransit(RETURN_ID, "DHL", "TRACK-1"))
                    .expectNoEvents()
                    .expectException(refusal(ILLEGAL_TRANSITION));
        }
    }

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
                    .expectEvents(
                            new ReturnLinesInspected(RETURN_ID, "INSP-1", List.of(forReview, L2_SCRAPPED)),
                            new ReturnInspectionCompleted(RETURN_ID, ORDER_ID, RefundMethod.ORIGINAL_TENDER,
                                    List.of(new RefundableLine("L1", 2, Grade.USED, ReturnReason.SIZE_OR_FIT),
                                            new RefundableLine("L2", 0, Grade.UNSALEABLE, ReturnReason.DEFECTIVE)),
                                    Map.of(), true),
                            new ReturnPutOnHold(RETURN_ID, HoldReason.INSPECTION_MISMATCH, ExternalSystem.WAREHOUSE,
                                    "manual review requested for line(s) L1", ReturnStatus.INSPECTED))
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

    @Nested
    class ApprovingTheRefund {

        @Test
        void an_inspected_return_gets_its_refund_approved() {
            fixture.given(inspected())
                    .when(new ApproveRefund(RETURN_ID, REFUND))
                    .expectEvents(new RefundApproved(RETURN_ID, REFUND))
                    .expectResultMessagePayload(ReturnStatus.INSPECTED);
        }

        @Test
        void a_refund_of_nothing_makes_the_return_refunded_without_a_payment() {
            RefundBreakdown nothing = RefundBreakdown.none(EUR);

            fixture.given(inspected())
                    .when(new ApproveRefund(RETURN_ID, nothing))
                    .expectEvents(new RefundApproved(RETURN_ID, nothing))
                    .expectResultMessagePayload(ReturnStatus.REFUNDED);
        }

        @Test
        void a_refund_before_inspection_is_refused() {
            fixture.given(received())
                    .when(new ApproveRefund(RETURN_ID, REFUND))
                    .expectNoEvents()
                    .expectException(refusal(REFUND_BEFORE_INSPECTION));
        }

        @Test
        void a_refund_while_an_inspected_line_awaits_manual_review_is_refused() {
            fixture.given(received())
                    .andGiven(heldForManualReview())
                    .when(new ApproveRefund(RETURN_ID, REFUND))
                    .expectNoEvents()
                    .expectException(refusal(REFUND_BEFORE_INSPECTION));
        }

        @Test
        void a_refund_for_more_items_than_inspection_accepted_is_refused() {
            RefundBreakdown scrappedItemToo = breakdown(lineRefund("L1", 2, 10_000, 2_000), lineRefund("L2", 1, 3_000, 600));

            fixture.given(inspected())
                    .when(new ApproveRefund(RETURN_ID, scrappedItemToo))
                    .expectNoEvents()
                    .expectException(refusal(REFUND_EXCEEDS_ACCEPTED));
        }

        @Test
        void a_refund_that_names_an_accepted_line_twice_cannot_exceed_what_inspection_accepted() {
            RefundBreakdown l1Twice = breakdown(lineRefund("L1", 2, 10_000, 2_000), lineRefund("L1", 1, 5_000, 1_000));

            fixture.given(inspected())
                    .when(new ApproveRefund(RETURN_ID, l1Twice))
                    .expectNoEvents()
                    .expectException(refusal(REFUND_EXCEEDS_ACCEPTED));
        }

        @Test
        void a_refund_for_a_line_that_is_not_part_of_the_return_is_refused() {
            RefundBreakdown otherLine = breakdown(lineRefund("L3", 1, 1_000, 200));

            fixture.given(inspected())
                    .when(new ApproveRefund(RETURN_ID, otherLine))
                    .expectNoEvents()
                    .expectException(refusal(REFUND_EXCEEDS_ACCEPTED));
        }

        @Test
        void a_refund_in_another_currency_than_the_order_is_refused() {
            Money pounds = Money.of(12_000, "GBP");
            RefundBreakdown inPounds = new RefundBreakdown("GBP",
                    List.of(new LineRefund("L1", 2, Money.of(10_000, "GBP"), Money.of(2_000, "GBP"),
                            Money.zero("GBP"), Money.zero("GBP"), pounds, List.of())),
                    Money.zero("GBP"), pounds, List.of(new TenderRefund("T1", TenderType.CARD, pounds)));

            fixture.given(inspected())
                    .when(new ApproveRefund(RETURN_ID, inPounds))
                    .expectNoEvents()
                    .expectException(refusal(CURRENCY_MISMATCH));
        }

        @Test
        void a_refund_is_approved_once() {
            fixture.given(refundApproved())
                    .when(new ApproveRefund(RETURN_ID, REFUND))
                    .expectNoEvents()
                    .expectException(refusal(REFUND_ALREADY_APPROVED));
        }
    }

    @Nested
    class PayingTheRefund {

        @Test
        void requesting_the_approved_refund_from_the_gateway_makes_it_pending() {
            fixture.given(refundApproved())
                    .when(new RecordRefundRequested(RETURN_ID, REFUND_KEY, REFUND_TOTAL))
                    .expectEvents(new RefundRequested(RETURN_ID, REFUND_KEY, REFUND_TOTAL))
                    .expectResultMessagePayload(ReturnStatus.REFUND_PENDING);
        }

        @Test
        void the_same_refund_request_recorded_again_changes_nothing() {
            fixture.given(refundPending())
                    .when(new RecordRefundRequested(RETURN_ID, REFUND_KEY, REFUND_TOTAL))
                    .expectNoEvents()
                    .expectResultMessagePayload(ReturnStatus.REFUND_PENDING);
        }

        @Test
        void a_second_refund_request_under_another_key_is_refused() {
            fixture.given(refundPending())
                    .when(new RecordRefundRequested(RETURN_ID, "another-key", REFUND_TOTAL))
                    .expectNoEvents()
                    .expectException(refusal(ILLEGAL_TRANSITION));
        }

        @Test
        void a_refund_the_gateway_confirms_as_already_settled_records_both_in_one_step() {
            fixture.given(refundPending())
                    .when(new RecordRefundIssued(RETURN_ID, GATEWAY_REFERENCE, REFUND_TOTAL, true))
                    .expectEvents(new RefundIssued(RETURN_ID, GATEWAY_REFERENCE, REFUND_TOTAL),
                            new RefundSettled(RETURN_ID, GATEWAY_REFERENCE))
                    .expectResultMessagePayload(ReturnStatus.REFUNDED);
        }

        @Test
        void a_refund_request_before_approval_is_refused() {
            fixture.given(inspected())
                    .when(new RecordRefundRequested(RETURN_ID, REFUND_KEY, REFUND_TOTAL))
                    .expectNoEvents()
                    .expectException(refusal(REFUND_NOT_APPROVED));
        }

        @Test
        void a_refund_request_for_another_amount_than_approved_is_refused() {
            fixture.given(refundApproved())
                    .when(new RecordRefundRequested(RETURN_ID, REFUND_KEY, eur(12_001)))
                    .expectNoEvents()
                    .expectException(refusal(REFUND_AMOUNT_MISMATCH));
        }

        @Test
        void the_gateway_confirming_the_refund_makes_the_return_refunded() {
            fixture.given(refundPending())
                    .when(new RecordRefundIssued(RETURN_ID, GATEWAY_REFERENCE, REFUND_TOTAL))
                    .expectEvents(new RefundIssued(RETURN_ID, GATEWAY_REFERENCE, REFUND_TOTAL))
                    .expectResultMessagePayload(ReturnStatus.REFUNDED);
        }

        @Test
        void a_confirmation_for_another_amount_than_approved_is_refused() {
            fixture.given(refundPending())
                    .when(new RecordRefundIssued(RETURN_ID, GATEWAY_REFERENCE, eur(11_999)))
                    .expectNoEvents()
                    .expectException(refusal(REFUND_AMOUNT_MISMATCH));
        }

        @Test
        void the_same_confirmation_delivered_twice_pays_nothing_more() {
            fixture.given(refunded())
                    .when(new RecordRefundIssued(RETURN_ID, GATEWAY_REFERENCE, REFUND_TOTAL))
                    .expectNoEvents()
                    .expectResultMessagePayload(ReturnStatus.REFUNDED);
        }

        @Test
        void a_second_refund_under_another_gateway_reference_is_refused() {
            fixture.given(refunded())
                    .when(new RecordRefundIssued(RETURN_ID, "PSP-REF-2", REFUND_TOTAL))
                    .expectNoEvents()
                    .expectException(refusal(ILLEGAL_TRANSITION));
        }

        @Test
        void a_confirmation_before_the_refund_was_requested_is_refused() {
            fixture.given(refundApproved())
                    .when(new RecordRefundIssued(RETURN_ID, GATEWAY_REFERENCE, REFUND_TOTAL))
                    .expectNoEvents()
                    .expectException(refusal(ILLEGAL_TRANSITION));
        }

        @Test
        void a_confirmation_without_an_approved_refund_is_refused() {
            fixture.given(inspected())
                    .when(new RecordRefundIssued(RETURN_ID, GATEWAY_REFERENCE, REFUND_TOTAL))
                    .expectNoEvents()
                    .expectException(refusal(REFUND_NOT_APPROVED));
        }

        @Test
        void a_failure_that_will_be_retried_keeps_the_refund_pending() {
            fixture.given(refundPending())
                    .when(new RecordRefundFailed(RETURN_ID, "GATEWAY_TIMEOUT", "no answer in 10s", false))
                    .expectEvents(new RefundFailed(RETURN_ID, "GATEWAY_TIMEOUT", "no answer in 10s", false))
                    .expectResultMessagePayload(ReturnStatus.REFUND_PENDING);
        }

        @Test
        void a_final_failure_puts_the_return_on_hold_for_the_payment_system() {
            fixture.given(refundPending())
                    .when(new RecordRefundFailed(RETURN_ID, "CARD_EXPIRED", "the card was closed", true))
                    .expectEvents(
                            new RefundFailed(RETURN_ID, "CARD_EXPIRED", "the card was closed", true),
                            new ReturnPutOnHold(RETURN_ID, HoldReason.REFUND_FAILED, ExternalSystem.PAYMENT,
                                    "CARD_EXPIRED: the card was closed", ReturnStatus.REFUND_PENDING))
                    .expectResultMessagePayload(ReturnStatus.ON_HOLD);
        }

        @Test
        void a_failure_of_a_refund_that_was_never_requested_is_refused() {
            fixture.given(refundApproved())
                    .when(new RecordRefundFailed(RETURN_ID, "GATEWAY_TIMEOUT", "no answer in 10s", false))
                    .expectNoEvents()
                    .expectException(refusal(ILLEGAL_TRANSITION));
        }
    }

    @Nested
    class PostingTheCreditMemo {

        @Test
        void the_credit_memo_for_the_approved_refund_is_recorded() {
            fixture.given(refunded())
                    .when(new RecordCreditMemoPosted(RETURN_ID, "CM-1", REFUND_TOTAL))
                    .expectEvents(new CreditMemoPosted(RETURN_ID, "CM-1", REFUND_TOTAL))
                    .expectResultMessagePayload(ReturnStatus.REFUNDED);
        }

        @Test
        void a_credit_memo_before_the_refund_is_approved_is_refused() {
            fixture.given(inspected())
                    .when(new RecordCreditMemoPosted(RETURN_ID, "CM-1", REFUND_TOTAL))
                    .expectNoEvents()
                    .expectException(refusal(REFUND_NOT_APPROVED));
        }

        @Test
        void the_same_credit_memo_recorded_again_changes_nothing() {
            fixture.given(refunded())
                    .andGiven(new CreditMemoPosted(RETURN_ID, "CM-1", REFUND_TOTAL))
                    .when(new RecordCreditMemoPosted(RETURN_ID, "CM-1", REFUND_TOTAL))
                    .expectNoEvents()
                    .expectResultMessagePayload(ReturnStatus.REFUNDED);
        }

        @Test
        void a_second_credit_memo_is_refused() {
            fixture.given(refunded())
                    .andGiven(new CreditMemoPosted(RETURN_ID, "CM-1", REFUND_TOTAL))
                    .when(new RecordCreditMemoPosted(RETURN_ID, "CM-2", REFUND_TOTAL))
                    .expectNoEvents()
                    .expectException(refusal(CREDIT_MEMO_ALREADY_POSTED));
        }

        @Test
        void a_credit_memo_for_another_amount_than_the_refund_is_refused() {
            fixture.given(refunded())
                    .when(new RecordCreditMemoPosted(RETURN_ID, "CM-1", eur(11_000)))
                    .expectNoEvents()
                    .expectException(refusal(CREDIT_MEMO_AMOUNT_MISMATCH));
        }
    }

    @Nested
    class AdjustingInventory {

        @Test
        void inventory_is_adjusted_by_the_line_disposition() {
            fixture.given(refunded())
                    .when(new RecordInventoryAdjusted(RETURN_ID, "ADJ-L1", "L1", "SKU-L1", Disposition.RESTOCK, WAREHOUSE, 2))
                    .expectEvents(new InventoryAdjusted(RETURN_ID, "ADJ-L1", "L1", "SKU-L1", Disposition.RESTOCK, WAREHOUSE, 2))
                    .expectResultMessagePayload(ReturnStatus.REFUNDED);
        }

        @Test
        void the_adjustment_names_the_sku_of_the_order_line() {
            fixture.given(refunded())
                    .when(new RecordInventoryAdjusted(RETURN_ID, "ADJ-L2", "L2", "WHATEVER", Disposition.SCRAP, WAREHOUSE, 1))
                    .expectEvents(new InventoryAdjusted(RETURN_ID, "ADJ-L2", "L2", "SKU-L2", Disposition.SCRAP, WAREHOUSE, 1));
        }

        @Test
        void a_line_can_be_adjusted_in_parts_up_to_what_was_received() {
            fixture.given(refunded())
                    .andGiven(inventoryAdjusted("ADJ-L1-a", "L1", Disposition.RESTOCK, 1))
                    .when(new RecordInventoryAdjusted(RETURN_ID, "ADJ-L1-b", "L1", "SKU-L1", Disposition.RESTOCK, WAREHOUSE, 1))
                    .expectEvents(inventoryAdjusted("ADJ-L1-b", "L1", Disposition.RESTOCK, 1));
        }

        @Test
        void adjusting_more_than_was_received_is_refused() {
            fixture.given(refunded())
                    .andGiven(inventoryAdjusted("ADJ-L1", "L1", Disposition.RESTOCK, 2))
                    .when(new RecordInventoryAdjusted(RETURN_ID, "ADJ-L1-more", "L1", "SKU-L1", Disposition.RESTOCK, WAREHOUSE, 1))
                    .expectNoEvents()
                    .expectException(refusal(INVENTORY_EXCEEDS_RECEIVED));
        }

        @Test
        void an_adjustment_of_no_items_is_refused() {
            fixture.given(refunded())
                    .when(new RecordInventoryAdjusted(RETURN_ID, "ADJ-L1", "L1", "SKU-L1", Disposition.RESTOCK, WAREHOUSE, 0))
                    .expectNoEvents()
                    .expectException(refusal(INVENTORY_EXCEEDS_RECEIVED));
        }

        @Test
        void an_adjustment_by_another_disposition_than_inspection_decided_is_refused() {
            fixture.given(refunded())
                    .when(new RecordInventoryAdjusted(RETURN_ID, "ADJ-L2", "L2", "SKU-L2", Disposition.RESTOCK, WAREHOUSE, 1))
                    .expectNoEvents()
                    .expectException(refusal(DISPOSITION_MISMATCH));
        }

        @Test
        void the_same_adjustment_recorded_again_changes_nothing() {
            fixture.given(refunded())
                    .andGiven(inventoryAdjusted("ADJ-L1", "L1", Disposition.RESTOCK, 2))
                    .when(new RecordInventoryAdjusted(RETURN_ID, "ADJ-L1", "L1", "SKU-L1", Disposition.RESTOCK, WAREHOUSE, 2))
                    .expectNoEvents()
                    .expectResultMessagePayload(ReturnStatus.REFUNDED);
        }

        @Test
        void a_line_that_is_not_inspected_yet_is_not_adjusted() {
            fixture.given(received())
                    .when(new RecordInventoryAdjusted(RETURN_ID, "ADJ-L1", "L1", "SKU-L1", Disposition.RESTOCK, WAREHOUSE, 2))
                    .expectNoEvents()
                    .expectException(refusal(LINE_NOT_INSPECTED));
        }
    }

    @Nested
    class AdjustingLoyalty {

        @Test
        void loyalty_points_are_reversed_once_the_refund_is_approved() {
            fixture.given(refunded())
                    .when(new RecordLoyaltyAdjusted(RETURN_ID, 120, "LOY-1"))
                    .expectEvents(new LoyaltyAdjusted(RETURN_ID, 120, "LOY-1"))
                    .expectResultMessagePayload(ReturnStatus.REFUNDED);
        }

        @Test
        void loyalty_points_are_reversed_once_per_return() {
            fixture.given(refunded())
                    .andGiven(new LoyaltyAdjusted(RETURN_ID, 120, "LOY-1"))
                    .when(new RecordLoyaltyAdjusted(RETURN_ID, 120, "LOY-2"))
                    .expectNoEvents()
                    .expectResultMessagePayload(ReturnStatus.REFUNDED);
        }

        @Test
        void loyalty_points_are_not_reversed_before_the_refund_is_approved() {
            fixture.given(inspected())
                    .when(new RecordLoyaltyAdjusted(RETURN_ID, 120, "LOY-1"))
                    .expectNoEvents()
                    .expectException(refusal(REFUND_NOT_APPROVED));
        }
    }

    @Nested
    class NotifyingTheCustomer {

        @Test
        void a_notification_is_recorded_per_milestone() {
            fixture.given(refunded())
                    .when(new RecordCustomerNotified(RETURN_ID, "REFUNDED", "EMAIL"))
                    .expectEvents(new CustomerNotified(RETURN_ID, "REFUNDED", "EMAIL"))
                    .expectResultMessagePayload(ReturnStatus.REFUNDED);
        }

        @Test
        void the_same_milestone_is_notified_once() {
            fixture.given(refunded())
                    .andGiven(new CustomerNotified(RETURN_ID, "REFUNDED", "EMAIL"))
                    .when(new RecordCustomerNotified(RETURN_ID, "REFUNDED", "SMS"))
                    .expectNoEvents()
                    .expectResultMessagePayload(ReturnStatus.REFUNDED);
        }

        @Test
        void another_milestone_is_notified_too() {
            fixture.given(refunded())
                    .andGiven(new CustomerNotified(RETURN_ID, "AUTHORIZED", "EMAIL"))
                    .when(new RecordCustomerNotified(RETURN_ID, "REFUNDED", "EMAIL"))
                    .expectEvents(new CustomerNotified(RETURN_ID, "REFUNDED", "EMAIL"));
        }

        @Test
        void a_customer_is_told_of_the_end_of_a_return_after_it_ended() {
            fixture.given(cancelled())
                    .when(new RecordCustomerNotified(RETURN_ID, "CANCELLED", "EMAIL"))
                    .expectEvents(new CustomerNotified(RETURN_ID, "CANCELLED", "EMAIL"))
                    .expectResultMessagePayload(ReturnStatus.CANCELLED);
        }
    }

    @Nested
    class Holding {

        @Test
        void a_return_put_on_hold_remembers_where_it_stood() {
            fixture.given(authorized())
                    .when(new PutReturnOnHold(RETURN_ID, HoldReason.FRAUD_REVIEW, ExternalSystem.FRAUD, "score 0.93"))
                    .expectEvents(new ReturnPutOnHold(RETURN_ID, HoldReason.FRAUD_REVIEW, ExternalSystem.FRAUD,
                            "score 0.93", ReturnStatus.AUTHORIZED))
                    .expectResultMessagePayload(ReturnStatus.ON_HOLD);
        }

        @Test
        void a_return_already_on_hold_is_not_put_on_hold_again() {
            fixture.given(heldForFraudReviewFrom(authorized()))
                    .when(new PutReturnOnHold(RETURN_ID, HoldReason.MANUAL, ExternalSystem.CRM, "customer called"))
                    .expectNoEvents()
                    .expectException(refusal(RETURN_ALREADY_ON_HOLD));
        }

        @Test
        void resuming_returns_to_the_status_the_return_was_held_from() {
            fixture.given(heldForFraudReviewFrom(authorized()))
                    .when(new ResolveHold(RETURN_ID, HoldDecision.RESUME, "customer verified", "agent-7"))
                    .expectEvents(new ReturnHoldResolved(RETURN_ID, ORDER_ID, HoldDecision.RESUME, "customer verified",
                            "agent-7", ReturnStatus.AUTHORIZED))
                    .expectResultMessagePayload(ReturnStatus.AUTHORIZED);
        }

        @Test
        void resuming_after_a_final_refund_failure_makes_the_refund_pending_again() {
            fixture.given(refundPending())
                    .andGiven(new RefundFailed(RETURN_ID, "CARD_EXPIRED", "the card was closed", true),
                            new ReturnPutOnHold(RETURN_ID, HoldReason.REFUND_FAILED, ExternalSystem.PAYMENT,
                                    "CARD_EXPIRED: the card was closed", ReturnStatus.REFUND_PENDING))
                    .when(new ResolveHold(RETURN_ID, HoldDecision.RESUME, "customer gave a new card", "agent-7"))
                    .expectEvents(new ReturnHoldResolved(RETURN_ID, ORDER_ID, HoldDecision.RESUME, "customer gave a new card",
                            "agent-7", ReturnStatus.REFUND_PENDING))
                    .expectResultMessagePayload(ReturnStatus.REFUND_PENDING);
        }

        @Test
        void resuming_after_manual_review_makes_the_return_inspected_again() {
            fixture.given(received())
                    .andGiven(heldForManualReview())
                    .when(new ResolveHold(RETURN_ID, HoldDecision.RESUME, "stains wash out", "agent-7"))
                    .expectEvents(new ReturnHoldResolved(RETURN_ID, ORDER_ID, HoldDecision.RESUME, "stains wash out",
                            "agent-7", ReturnStatus.INSPECTED))
                    .expectResultMessagePayload(ReturnStatus.INSPECTED);
        }

        @Test
        void a_return_held_before_receipt_can_be_rejected() {
            fixture.given(heldForFraudReviewFrom(authorized()))
                    .when(new ResolveHold(RETURN_ID, HoldDecision.REJECT, "known fraud ring", "agent-7"))
                    .expectEvents(new ReturnHoldResolved(RETURN_ID, ORDER_ID, HoldDecision.REJECT, "known fraud ring",
                            "agent-7", ReturnStatus.REJECTED))
                    .expectResultMessagePayload(ReturnStatus.REJECTED);
        }

        @Test
        void a_return_held_before_receipt_can_be_cancelled() {
            fixture.given(heldForFraudReviewFrom(inTransit()))
                    .when(new ResolveHold(RETURN_ID, HoldDecision.CANCEL, "customer withdrew", "agent-7"))
                    .expectEvents(new ReturnHoldResolved(RETURN_ID, ORDER_ID, HoldDecision.CANCEL, "customer withdrew",
                            "agent-7", ReturnStatus.CANCELLED))
                    .expectResultMessagePayload(ReturnStatus.CANCELLED);
        }

        @Test
        void a_return_held_for_a_parcel_of_only_wrong_items_can_still_be_cancelled() {
            fixture.given(inTransit())
                    .andGiven(wrongItemParcelHeldFrom(ReturnStatus.IN_TRANSIT))
                    .when(new ResolveHold(RETURN_ID, HoldDecision.CANCEL, "customer keeps the item", "agent-7"))
                    .expectEvents(new ReturnHoldResolved(RETURN_ID, ORDER_ID, HoldDecision.CANCEL, "customer keeps the item",
                            "agent-7", ReturnStatus.CANCELLED))
                    .expectResultMessagePayload(ReturnStatus.CANCELLED);
        }

        @Test
        void a_return_held_after_receipt_cannot_be_rejected() {
            fixture.given(heldForFraudReviewFrom(received()))
                    .when(new ResolveHold(RETURN_ID, HoldDecision.REJECT, "looks wrong", "agent-7"))
                    .expectNoEvents()
                    .expectException(refusal(HOLD_DECISION_NOT_ALLOWED));
        }

        @Test
        void a_return_held_after_receipt_cannot_be_cancelled() {
            fixture.given(heldForFraudReviewFrom(received()))
                    .when(new ResolveHold(RETURN_ID, HoldDecision.CANCEL, "customer withdrew", "agent-7"))
                    .expectNoEvents()
                    .expectException(refusal(HOLD_DECISION_NOT_ALLOWED));
        }

        @Test
        void a_return_held_for_a_wrong_item_next_to_right_ones_cannot_be_cancelled() {
            fixture.given(inTransit())
                    .andGiven(new ReturnItemsReceived(RETURN_ID, "RCPT-1", WAREHOUSE,
                                    List.of(new ReceivedLine("L1", 2, null), new ReceivedLine("L2", 1, "SKU-OTHER")), List.of("L2")),
                            new ReturnPutOnHold(RETURN_ID, HoldReason.INSPECTION_MISMATCH, ExternalSystem.WAREHOUSE,
                                    "wrong item received for line(s) L2", ReturnStatus.RECEIVED))
                    .when(new ResolveHold(RETURN_ID, HoldDecision.CANCEL, "customer withdrew", "agent-7"))
                    .expectNoEvents()
                    .expectException(refusal(HOLD_DECISION_NOT_ALLOWED));
        }

        @ParameterizedTest(name = "reason \"{0}\"")
        @ValueSource(strings = {"", "  "})
        void resolving_a_hold_needs_a_reason(String reason) {
            fixture.given(heldForFraudReviewFrom(authorized()))
                    .when(new ResolveHold(RETURN_ID, HoldDecision.RESUME, reason, "agent-7"))
                    .expectNoEvents()
                    .expectException(refusal(REASON_REQUIRED));
        }

        @Test
        void resolving_a_hold_needs_a_reason_that_is_there() {
            fixture.given(heldForFraudReviewFrom(authorized()))
                    .when(new ResolveHold(RETURN_ID, HoldDecision.RESUME, null, "agent-7"))
                    .expectNoEvents()
                    .expectException(refusal(REASON_REQUIRED));
        }

        @Test
        void retrying_an_exception_raised_during_an_inspection_review_resolves_it_and_leaves_the_return_on_hold() {
            // the review is not waiting for the failed notice: the refund must not be decided before a person looks
            retryingAFailedNoticeResolvesItAndLeavesTheReturnOnHold(fixture.given(received())
                    .andGiven(heldForManualReview()));
        }

        @Test
        void retrying_an_exception_raised_during_a_fraud_review_leaves_the_return_held_for_the_review() {
            retryingAFailedNoticeResolvesItAndLeavesTheReturnOnHold(
                    fixture.given(heldForFraudReviewFrom(authorized())));
        }

        /** A customer notice fails while the return is held for a person; its retry resolves it and nothing more. */
        private void retryingAFailedNoticeResolvesItAndLeavesTheReturnOnHold(
                org.axonframework.test.aggregate.TestExecutor<ReturnAggregate> held) {
            held.andGivenCommands(new RaiseException(RETURN_ID, ProcessStep.NOTIFY_CUSTOMER, "NOTICE-KEY",
                            "SERVER_ERROR_503", "CRM down", 5))
                    .when(new RetryException(RETURN_ID, "EX-" + RETURN_ID + "-1", "ops-1"))
                    .expectEvents(new ExceptionResolved(RETURN_ID, "EX-" + RETURN_ID + "-1",
                            ProcessStep.NOTIFY_CUSTOMER, "NOTICE-KEY", "RETRY", "ops-1"))
                    .expectResultMessagePayload(ReturnStatus.ON_HOLD);
        }

        @Test
        void retrying_the_exception_of_the_failed_step_that_held_the_return_resumes_it_where_it_stopped() {
            fixture.given(refundPending())
                    .andGivenCommands(new RaiseException(RETURN_ID, ProcessStep.REFUND_PAYMENT, "REFUND-KEY",
                            "REJECTED_422", "card closed", 1))
                    .when(new RetryException(RETURN_ID, "EX-" + RETURN_ID + "-1", "ops-1"))
                    .expectEvents(new ExceptionResolved(RETURN_ID, "EX-" + RETURN_ID + "-1",
                                    ProcessStep.REFUND_PAYMENT, "REFUND-KEY", "RETRY", "ops-1"),
                            new ReturnHoldResolved(RETURN_ID, ORDER_ID, HoldDecision.RESUME, "retry of REFUND-KEY",
                                    "ops-1", ReturnStatus.REFUND_PENDING))
                    .expectResultMessagePayload(ReturnStatus.REFUND_PENDING);
        }

        @Test
        void a_return_that_is_not_on_hold_has_no_hold_to_resolve() {
            fixture.given(authorized())
                    .when(new ResolveHold(RETURN_ID, HoldDecision.RESUME, "all fine", "agent-7"))
                    .expectNoEvents()
                    .expectException(refusal(RETURN_NOT_ON_HOLD));
        }
    }

    @Nested
    class Cancelling {

        @Test
        void a_requested_return_can_be_cancelled() {
            fixture.given(requested())
                    .when(new CancelReturn(RETURN_ID, "changed my mind", "customer"))
                    .expectEvents(new ReturnCancelled(RETURN_ID, ORDER_ID, "changed my mind", "customer"))
                    .expectResultMessagePayload(ReturnStatus.CANCELLED);
        }

        @Test
        void a_return_in_transit_can_be_cancelled() {
            fixture.given(inTransit())
                    .when(new CancelReturn(RETURN_ID, "parcel lost, keeping the items", "agent-7"))
                    .expectEvents(new ReturnCancelled(RETURN_ID, ORDER_ID, "parcel lost, keeping the items", "agent-7"))
                    .expectResultMessagePayload(ReturnStatus.CANCELLED);
        }

        @Test
        void a_return_held_before_receipt_can_be_cancelled() {
            fixture.given(heldForFraudReviewFrom(authorized()))
                    .when(new CancelReturn(RETURN_ID, "changed my mind", "customer"))
                    .expectEvents(new ReturnCancelled(RETURN_ID, ORDER_ID, "changed my mind", "customer"))
                    .expectResultMessagePayload(ReturnStatus.CANCELLED);
        }

        @Test
        void a_received_return_cannot_be_cancelled() {
            fixture.given(received())
                    .when(new CancelReturn(RETURN_ID, "changed my mind", "customer"))
                    .expectNoEvents()
                    .expectException(refusal(RETURN_NOT_CANCELLABLE));
        }

        @Test
        void a_return_held_after_receipt_cannot_be_cancelled() {
            fixture.given(heldForFraudReviewFrom(received()))
                    .when(new CancelReturn(RETURN_ID, "changed my mind", "customer"))
                    .expectNoEvents()
                    .expectException(refusal(RETURN_NOT_CANCELLABLE));
        }

        @Test
        void a_cancelled_return_cannot_be_cancelled_again() {
            fixture.given(cancelled())
                    .when(new CancelReturn(RETURN_ID, "changed my mind", "customer"))
                    .expectNoEvents()
                    .expectException(refusal(RETURN_NOT_CANCELLABLE));
        }
    }

    @Nested
    class Expiring {

        @Test
        void an_authorized_return_whose_parcel_never_came_expires() {
            fixture.given(authorized())
                    .when(new ExpireReturn(RETURN_ID))
                    .expectEvents(new ReturnExpired(RETURN_ID, ORDER_ID))
                    .expectResultMessagePayload(ReturnStatus.EXPIRED);
        }

        @Test
        void a_return_whose_parcel_stays_in_transit_expires() {
            fixture.given(inTransit())
                    .when(new ExpireReturn(RETURN_ID))
                    .expectEvents(new ReturnExpired(RETURN_ID, ORDER_ID))
                    .expectResultMessagePayload(ReturnStatus.EXPIRED);
        }

        @Test
        void a_return_not_yet_authorized_does_not_expire() {
            fixture.given(requested())
                    .when(new ExpireReturn(RETURN_ID))
                    .expectNoEvents()
                    .expectException(refusal(RETURN_NOT_EXPIRABLE));
        }

        @Test
        void a_received_return_does_not_expire() {
            fixture.given(received())
                    .when(new ExpireReturn(RETURN_ID))
                    .expectNoEvents()
                    .expectException(refusal(RETURN_NOT_EXPIRABLE));
        }

        @Test
        void a_return_held_while_its_parcel_is_awaited_still_expires() {
            fixture.given(heldForFraudReviewFrom(inTransit()))
                    .when(new ExpireReturn(RETURN_ID))
                    .expectEvents(new ReturnExpired(RETURN_ID, ORDER_ID))
                    .expectResultMessagePayload(ReturnStatus.EXPIRED);
        }
    }

    @Nested
    class Completing {

        @Test
        void a_refunded_return_with_credit_memo_inventory_and_notification_completes() {
            fixture.given(readyToComplete())
                    .andGiven(new RefundSettled(RETURN_ID, GATEWAY_REFERENCE))
                    .when(new CompleteReturn(RETURN_ID))
                    .expectEvents(new ReturnCompleted(RETURN_ID))
                    .expectResultMessagePayload(ReturnStatus.COMPLETED);
        }

        @Test
        void a_refunded_return_whose_refund_is_not_settled_does_not_complete() {
            fixture.given(readyToComplete())
                    .when(new CompleteReturn(RETURN_ID))
                    .expectNoEvents()
                    .expectException(refusal(RETURN_NOT_COMPLETABLE));
        }

        @Test
        void a_return_refunded_with_nothing_completes_without_a_credit_memo() {
            fixture.given(inspected())
                    .andGiven(new RefundApproved(RETURN_ID, RefundBreakdown.none(EUR)),
                            inventoryAdjusted("ADJ-L1", "L1", Disposition.RESTOCK, 2),
                            inventoryAdjusted("ADJ-L2", "L2", Disposition.SCRAP, 1),
                            new CustomerNotified(RETURN_ID, "REFUNDED", "EMAIL"))
                    .when(new CompleteReturn(RETURN_ID))
                    .expectEvents(new ReturnCompleted(RETURN_ID))
                    .expectResultMessagePayload(ReturnStatus.COMPLETED);
        }

        @Test
        void a_return_whose_refund_is_not_confirmed_does_not_complete() {
            fixture.given(refundPending())
                    .andGiven(new CreditMemoPosted(RETURN_ID, "CM-1", REFUND_TOTAL),
                            inventoryAdjusted("ADJ-L1", "L1", Disposition.RESTOCK, 2),
                            inventoryAdjusted("ADJ-L2", "L2", Disposition.SCRAP, 1),
                            new CustomerNotified(RETURN_ID, "REFUND_REQUESTED", "EMAIL"))
                    .when(new CompleteReturn(RETURN_ID))
                    .expectNoEvents()
                    .expectException(refusal(RETURN_NOT_COMPLETABLE))
                    .expectExceptionMessage(onlyMissing("refund confirmed"));
        }

        @Test
        void a_return_without_a_credit_memo_does_not_complete() {
            fixture.given(refunded())
                    .andGiven(inventoryAdjusted("ADJ-L1", "L1", Disposition.RESTOCK, 2),
                            inventoryAdjusted("ADJ-L2", "L2", Disposition.SCRAP, 1),
                            new CustomerNotified(RETURN_ID, "REFUNDED", "EMAIL"))
                    .when(new CompleteReturn(RETURN_ID))
                    .expectNoEvents()
                    .expectException(refusal(RETURN_NOT_COMPLETABLE))
                    .expectExceptionMessage(onlyMissing("credit memo posted"));
        }

        @Test
        void a_return_with_inventory_not_fully_adjusted_does_not_complete() {
            fixture.given(refunded())
                    .andGiven(new CreditMemoPosted(RETURN_ID, "CM-1", REFUND_TOTAL),
                            inventoryAdjusted("ADJ-L1", "L1", Disposition.RESTOCK, 1),
                            inventoryAdjusted("ADJ-L2", "L2", Disposition.SCRAP, 1),
                            new CustomerNotified(RETURN_ID, "REFUNDED", "EMAIL"))
                    .when(new CompleteReturn(RETURN_ID))
                    .expectNoEvents()
                    .expectException(refusal(RETURN_NOT_COMPLETABLE))
                    .expectExceptionMessage(onlyMissing("inventory adjusted for line L1"));
        }

        @Test
        void a_return_whose_customer_was_never_notified_does_not_complete() {
            fixture.given(refunded())
                    .andGiven(new CreditMemoPosted(RETURN_ID, "CM-1", REFUND_TOTAL),
                            inventoryAdjusted("ADJ-L1", "L1", Disposition.RESTOCK, 2),
                            inventoryAdjusted("ADJ-L2", "L2", Disposition.SCRAP, 1))
                    .when(new CompleteReturn(RETURN_ID))
                    .expectNoEvents()
                    .expectException(refusal(RETURN_NOT_COMPLETABLE))
                    .expectExceptionMessage(onlyMissing("customer notified"));
        }

        @Test
        void a_return_on_hold_does_not_complete() {
            fixture.given(readyToComplete())
                    .andGiven(new ReturnPutOnHold(RETURN_ID, HoldReason.MANUAL, ExternalSystem.CRM, "complaint",
                            ReturnStatus.REFUNDED))
                    .when(new CompleteReturn(RETURN_ID))
                    .expectNoEvents()
                    .expectException(refusal(RETURN_NOT_COMPLETABLE));
        }

        @Test
        void a_completed_return_does_not_complete_again() {
            fixture.given(completed())
                    .when(new CompleteReturn(RETURN_ID))
                    .expectNoEvents()
                    .expectException(refusal(RETURN_NOT_COMPLETABLE));
        }
    }

    @Nested
    class Ended {

        @ParameterizedTest(name = "a {0} return refuses {1}")
        @MethodSource("io.omnireturns.command.returns.ReturnAggregateTest#stepsAfterTheEnd")
        void an_ended_return_refuses_every_further_step(List<Object> history, Object command) {
            fixture.given(history)
                    .when(command)
                    .expectNoEvents()
                    .expectException(refusal(RETURN_IS_TERMINAL));
        }

        @ParameterizedTest(name = "a completed return refuses {0}")
        @MethodSource("io.omnireturns.command.returns.ReturnAggregateTest#moneyStepsAfterCompletion")
        void a_completed_return_refuses_further_money_steps(Object command) {
            fixture.given(completed())
                    .when(command)
                    .expectNoEvents()
                    .expectException(refusal(RETURN_IS_TERMINAL));
        }

        @Test
        void a_return_cancelled_before_its_eligibility_was_decided_refuses_the_decision() {
            fixture.given(requested())
                    .andGiven(new ReturnCancelled(RETURN_ID, ORDER_ID, "changed my mind", "customer"))
                    .when(new RecordEligibilityDecision(RETURN_ID, List.of(decision("L1", 2, 2), decision("L2", 1, 1))))
                    .expectNoEvents()
                    .expectException(refusal(RETURN_IS_TERMINAL));
        }
    }

    static Stream<Arguments> stepsAfterTheEnd() {
        Map<String, List<Object>> ended = new LinkedHashMap<>();
        ended.put("rejected", rejected());
        ended.put("cancelled", cancelled());
        ended.put("expired", expired());
        ended.put("completed", completed());
        List<Object> steps = List.of(
                new IssueReturnLabel(RETURN_ID, "DHL", "TRACK-9", "https://labels.example/9"),
                new RecordReceipt(RETURN_ID, "RCPT-9", WAREHOUSE, List.of(new ReceivedLine("L1", 1, null))),
                new RecordInspection(RETURN_ID, "INSP-9", List.of(L1_ACCEPTED)),
                new RecordRefundFailed(RETURN_ID, "GATEWAY_TIMEOUT", "late", false),
                new RecordInventoryAdjusted(RETURN_ID, "ADJ-9", "L1", "SKU-L1", Disposition.RESTOCK, WAREHOUSE, 1),
                new PutReturnOnHold(RETURN_ID, HoldReason.MANUAL, ExternalSystem.CRM, "complaint"));
        return ended.entrySet().stream().flatMap(end -> steps.stream().map(step -> Arguments.of(
                named(end.getKey(), end.getValue()), named(step.getClass().getSimpleName(), step))));
    }

    static Stream<Arguments> moneyStepsAfterCompletion() {
        return Stream.of(
                        new RecordRefundRequested(RETURN_ID, "another-key", REFUND_TOTAL),
                        new RecordRefundIssued(RETURN_ID, "PSP-REF-2", REFUND_TOTAL),
                        new RecordCreditMemoPosted(RETURN_ID, "CM-2", REFUND_TOTAL),
                        new RecordLoyaltyAdjusted(RETURN_ID, 120, "LOY-1"))
                .map(step -> Arguments.of(named(step.getClass().getSimpleName(), step)));
    }

    @Nested
    class CallerScope {

        private final ReturnRequested atStore1 = new ReturnRequested(RETURN_ID, SalesChannel.STORE, "STORE-001",
                CUSTOMER_ID, ORDER_ID, RefundMethod.ORIGINAL_TENDER, REQUESTED_LINES, ORDER);

        @Test
        void a_command_from_another_stores_associate_finds_no_such_return_and_changes_nothing() {
            fixture.given(atStore1)
                    .when(new CancelReturn(RETURN_ID, "not mine", "store-002"),
                            AccessScope.stores(List.of("STORE-002")).toMetadata())
                    .expectNoEvents()
                    .expectException(refusal(RETURN_NOT_FOUND));
        }

        @Test
        void a_store_associate_acts_on_a_return_of_one_of_its_stores() {
            fixture.given(atStore1)
                    .when(new CancelReturn(RETURN_ID, "customer changed their mind", "store-001"),
                            AccessScope.stores(List.of("STORE-001", "STORE-007")).toMetadata())
                    .expectEvents(new ReturnCancelled(RETURN_ID, ORDER_ID, "customer changed their mind", "store-001"));
        }

        @Test
        void a_web_return_is_outside_every_store_scope() {
            fixture.given(requested())
                    .when(new CancelReturn(RETURN_ID, "not a store return", "store-001"),
                            AccessScope.stores(List.of("STORE-001")).toMetadata())
                    .expectNoEvents()
                    .expectException(refusal(RETURN_NOT_FOUND));
        }

        @Test
        void a_channel_acting_for_one_customer_reaches_only_that_customers_return() {
            fixture.given(requested())
                    .when(new CancelReturn(RETURN_ID, "x", "customer-9"), AccessScope.customer("CUST-9").toMetadata())
                    .expectNoEvents()
                    .expectException(refusal(RETURN_NOT_FOUND));
            fixture.given(requested())
                    .when(new CancelReturn(RETURN_ID, "x", "customer-1"), AccessScope.customer(CUSTOMER_ID).toMetadata())
                    .expectEvents(new ReturnCancelled(RETURN_ID, ORDER_ID, "x", "customer-1"));
        }
    }

    // ---- histories: each one the events of the previous step plus its own ----

    private static List<Object> requested() {
        return List.of(returnRequested());
    }

    private static List<Object> authorized() {
        return then(requested(), new ReturnAuthorized(RETURN_ID, List.of(decision("L1", 2, 2), decision("L2", 1, 1))));
    }

    private static List<Object> inTransit() {
        return then(authorized(),
                new ReturnLabelIssued(RETURN_ID, "DHL", "TRACK-1", "https://labels.example/1"),
                new ReturnParcelInTransit(RETURN_ID, "DHL", "TRACK-1"));
    }

    private static List<Object> received() {
        return then(inTransit(), itemsReceived("RCPT-1", new ReceivedLine("L1", 2, null), new ReceivedLine("L2", 1, null)));
    }

    private static List<Object> inspected() {
        return then(received(),
                new ReturnLinesInspected(RETURN_ID, "INSP-1", List.of(L1_ACCEPTED, L2_SCRAPPED)),
                inspectionCompleted(Map.of(), false));
    }

    private static List<Object> refundApproved() {
        return then(inspected(), new RefundApproved(RETURN_ID, REFUND));
    }

    private static List<Object> refundPending() {
        return then(refundApproved(), new RefundRequested(RETURN_ID, REFUND_KEY, REFUND_TOTAL));
    }

    private static List<Object> refunded() {
        return then(refundPending(), new RefundIssued(RETURN_ID, GATEWAY_REFERENCE, REFUND_TOTAL));
    }

    private static List<Object> readyToComplete() {
        return then(refunded(),
                new CreditMemoPosted(RETURN_ID, "CM-1", REFUND_TOTAL),
                inventoryAdjusted("ADJ-L1", "L1", Disposition.RESTOCK, 2),
                inventoryAdjusted("ADJ-L2", "L2", Disposition.SCRAP, 1),
                new CustomerNotified(RETURN_ID, "REFUNDED", "EMAIL"));
    }

    private static List<Object> completed() {
        return then(readyToComplete(), new ReturnCompleted(RETURN_ID));
    }

    private static List<Object> rejected() {
        return then(requested(), new ReturnRejected(RETURN_ID, ORDER_ID, List.of(decision("L1", 2, 0), decision("L2", 1, 0))));
    }

    private static List<Object> cancelled() {
        return then(authorized(), new ReturnCancelled(RETURN_ID, ORDER_ID, "changed my mind", "customer"));
    }

    private static List<Object> expired() {
        return then(inTransit(), new ReturnExpired(RETURN_ID, ORDER_ID));
    }

    private static List<Object> heldForFraudReviewFrom(List<Object> history) {
        ReturnStatus heldFrom = switch (history.get(history.size() - 1).getClass().getSimpleName()) {
            case "ReturnAuthorized" -> ReturnStatus.AUTHORIZED;
            case "ReturnParcelInTransit" -> ReturnStatus.IN_TRANSIT;
            case "ReturnItemsReceived" -> ReturnStatus.RECEIVED;
            default -> throw new IllegalArgumentException("no fraud hold after " + history.get(history.size() - 1));
        };
        return then(history, new ReturnPutOnHold(RETURN_ID, HoldReason.FRAUD_REVIEW, ExternalSystem.FRAUD, "score 0.93", heldFrom));
    }

    /** The standard inspection with L1 sent for review: inspection completes awaiting review and the return is held. */
    private static List<Object> heldForManualReview() {
        InspectedLine forReview = new InspectedLine("L1", 2, 0, Grade.USED, Disposition.REFURBISH, true, "stains?");
        return List.of(
                new ReturnLinesInspected(RETURN_ID, "INSP-1", List.of(forReview, L2_SCRAPPED)),
                new ReturnInspectionCompleted(RETURN_ID, ORDER_ID, RefundMethod.ORIGINAL_TENDER,
                        List.of(new RefundableLine("L1", 2, Grade.USED, ReturnReason.SIZE_OR_FIT),
                                new RefundableLine("L2", 0, Grade.UNSALEABLE, ReturnReason.DEFECTIVE)),
                        Map.of(), true),
                new ReturnPutOnHold(RETURN_ID, HoldReason.INSPECTION_MISMATCH, ExternalSystem.WAREHOUSE,
                        "manual review requested for line(s) L1", ReturnStatus.INSPECTED));
    }

    private static List<Object> wrongItemParcelHeldFrom(ReturnStatus heldFrom) {
        return List.of(
                new ReturnItemsReceived(RETURN_ID, "RCPT-1", WAREHOUSE, List.of(new ReceivedLine("L2", 1, "SKU-OTHER")),
                        List.of("L2")),
                new ReturnPutOnHold(RETURN_ID, HoldReason.INSPECTION_MISMATCH, ExternalSystem.WAREHOUSE,
                        "wrong item received for line(s) L2", heldFrom));
    }

    // ---- messages ----

    private static RequestReturn request(List<RequestedLine> lines) {
        return new RequestReturn(RETURN_ID, SalesChannel.WEB, null, CUSTOMER_ID, RefundMethod.ORIGINAL_TENDER, lines, ORDER);
    }

    private static ReturnRequested returnRequested() {
        return new ReturnRequested(RETURN_ID, SalesChannel.WEB, null, CUSTOMER_ID, ORDER_ID, RefundMethod.ORIGINAL_TENDER,
                REQUESTED_LINES, ORDER);
    }

    private static LineDecision decision(String orderLineId, int requested, int authorized) {
        return new LineDecision(orderLineId, requested, authorized, authorized == 0 ? List.of("FINAL_SALE") : List.of());
    }

    private static ReturnItemsReceived itemsReceived(String receiptId, ReceivedLine... lines) {
        return new ReturnItemsReceived(RETURN_ID, receiptId, WAREHOUSE, List.of(lines), List.of());
    }

    /** Completion of the standard inspection: L1 accepted in full, L2 scrapped. */
    private static ReturnInspectionCompleted inspectionCompleted(Map<String, Integer> shortQuantities, boolean awaitingReview) {
        return new ReturnInspectionCompleted(RETURN_ID, ORDER_ID, RefundMethod.ORIGINAL_TENDER,
                List.of(new RefundableLine("L1", 2, Grade.NEW, ReturnReason.SIZE_OR_FIT),
                        new RefundableLine("L2", 0, Grade.UNSALEABLE, ReturnReason.DEFECTIVE)),
                shortQuantities, awaitingReview);
    }

    private static InventoryAdjusted inventoryAdjusted(String adjustmentId, String orderLineId, Disposition disposition,
                                                       int quantity) {
        return new InventoryAdjusted(RETURN_ID, adjustmentId, orderLineId, "SKU-" + orderLineId, disposition, WAREHOUSE,
                quantity);
    }

    private static LineRefund lineRefund(String orderLineId, int quantity, long merchandise, long tax) {
        return new LineRefund(orderLineId, quantity, eur(merchandise), eur(tax), eur(0), eur(0), eur(merchandise + tax),
                List.of());
    }

    private static RefundBreakdown breakdown(LineRefund... lines) {
        Money total = Money.sum(Arrays.stream(lines).map(LineRefund::amount).toList(), EUR);
        return new RefundBreakdown(EUR, List.of(lines), eur(0), total, List.of(new TenderRefund("T1", TenderType.CARD, total)));
    }

    private static Map<String, Integer> orderedMap(String firstKey, int firstValue, String secondKey, int secondValue) {
        Map<String, Integer> map = new LinkedHashMap<>();
        map.put(firstKey, firstValue);
        map.put(secondKey, secondValue);
        return map;
    }

    // ---- expectations ----

    /** The completion refusal names what is missing, and only that. */
    private static Matcher<String> onlyMissing(String missing) {
        List<String> everything = List.of("refund confirmed", "credit memo posted", "inventory adjusted", "customer notified");
        List<Matcher<? super String>> matchers = new ArrayList<>();
        matchers.add(containsString(missing));
        everything.stream().filter(item -> !missing.startsWith(item)).forEach(item -> matchers.add(not(containsString(item))));
        return allOf(matchers);
    }
}
