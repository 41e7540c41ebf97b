package io.omnireturns.command.returns;

import io.omnireturns.api.returns.ExternalSystem;
import io.omnireturns.api.returns.HoldDecision;
import io.omnireturns.api.returns.HoldReason;
import io.omnireturns.api.returns.ProcessStep;
import io.omnireturns.api.returns.ReceivedLine;
import io.omnireturns.api.returns.ReturnStatus;
import io.omnireturns.api.returns.command.CancelReturn;
import io.omnireturns.api.returns.command.ExpireReturn;
import io.omnireturns.api.returns.command.PutReturnOnHold;
import io.omnireturns.api.returns.command.RaiseException;
import io.omnireturns.api.returns.command.ResolveHold;
import io.omnireturns.api.returns.command.RetryException;
import io.omnireturns.api.returns.event.ExceptionResolved;
import io.omnireturns.api.returns.event.RefundFailed;
import io.omnireturns.api.returns.event.ReturnCancelled;
import io.omnireturns.api.returns.event.ReturnExpired;
import io.omnireturns.api.returns.event.ReturnHoldResolved;
import io.omnireturns.api.returns.event.ReturnItemsReceived;
import io.omnireturns.api.returns.event.ReturnPutOnHold;
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
import static io.omnireturns.command.returns.StandardReturn.REFUND;
import static io.omnireturns.command.returns.StandardReturn.WAREHOUSE;
import static io.omnireturns.command.returns.StandardReturn.authorized;
import static io.omnireturns.command.returns.StandardReturn.cancelled;
import static io.omnireturns.command.returns.StandardReturn.heldForFraudReviewFrom;
import static io.omnireturns.command.returns.StandardReturn.heldForManualReview;
import static io.omnireturns.command.returns.StandardReturn.inTransit;
import static io.omnireturns.command.returns.StandardReturn.received;
import static io.omnireturns.command.returns.StandardReturn.refundPending;
import static io.omnireturns.command.returns.StandardReturn.requested;
import static io.omnireturns.command.returns.StandardReturn.wrongItemParcelHeldFrom;
import static org.hamcrest.Matchers.not;

/**
 * A return held, cancelled or expired.
 * (The standard return: {@link StandardReturn}.)
 */
class ReturnHoldAggregateTest {

    private final AggregateTestFixture<ReturnAggregate> fixture = returnFixture();

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
}
