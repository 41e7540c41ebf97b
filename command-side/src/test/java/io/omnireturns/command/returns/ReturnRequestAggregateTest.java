package io.omnireturns.command.returns;

import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.returns.ExternalSystem;
import io.omnireturns.api.returns.HoldReason;
import io.omnireturns.api.returns.LineDecision;
import io.omnireturns.api.returns.ProcessStep;
import io.omnireturns.api.returns.RefundMethod;
import io.omnireturns.api.returns.RequestedLine;
import io.omnireturns.api.returns.ReturnReason;
import io.omnireturns.api.returns.ReturnStatus;
import io.omnireturns.api.returns.command.CancelReturn;
import io.omnireturns.api.returns.command.IssueReturnLabel;
import io.omnireturns.api.returns.command.RaiseException;
import io.omnireturns.api.returns.command.RecordEligibilityDecision;
import io.omnireturns.api.returns.command.RecordParcelInTransit;
import io.omnireturns.api.returns.command.RequestReturn;
import io.omnireturns.api.returns.event.ExceptionRaised;
import io.omnireturns.api.returns.event.ReturnAuthorized;
import io.omnireturns.api.returns.event.ReturnCancelled;
import io.omnireturns.api.returns.event.ReturnLabelIssued;
import io.omnireturns.api.returns.event.ReturnParcelInTransit;
import io.omnireturns.api.returns.event.ReturnPutOnHold;
import io.omnireturns.api.returns.event.ReturnRejected;
import io.omnireturns.api.returns.event.ReturnRequested;
import io.omnireturns.api.security.AccessScope;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static io.omnireturns.command.returns.ReturnErrors.*;
import static io.omnireturns.command.returns.ReturnFixtures.ORDER_ID;
import static io.omnireturns.command.returns.ReturnFixtures.RETURN_ID;
import static io.omnireturns.command.returns.ReturnFixtures.refusal;
import static io.omnireturns.command.returns.ReturnFixtures.returnFixture;
import static io.omnireturns.command.returns.StandardReturn.CUSTOMER_ID;
import static io.omnireturns.command.returns.StandardReturn.ORDER;
import static io.omnireturns.command.returns.StandardReturn.REQUESTED_LINES;
import static io.omnireturns.command.returns.StandardReturn.authorized;
import static io.omnireturns.command.returns.StandardReturn.cancelled;
import static io.omnireturns.command.returns.StandardReturn.decision;
import static io.omnireturns.command.returns.StandardReturn.inTransit;
import static io.omnireturns.command.returns.StandardReturn.received;
import static io.omnireturns.command.returns.StandardReturn.request;
import static io.omnireturns.command.returns.StandardReturn.requested;
import static io.omnireturns.command.returns.StandardReturn.returnRequested;
import static org.hamcrest.Matchers.not;

/**
 * A return asked for, decided and shipped back; who may ask for what.
 * (The standard return: {@link StandardReturn}.)
 */
class ReturnRequestAggregateTest {

    private final AggregateTestFixture<ReturnAggregate> fixture = returnFixture();

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
}
