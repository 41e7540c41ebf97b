package io.omnireturns.command.returns;

import io.omnireturns.api.error.DomainException;
import io.omnireturns.api.ledger.RefundableLine;
import io.omnireturns.api.money.Money;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.orders.TenderType;
import io.omnireturns.api.returns.DeclineReason;
import io.omnireturns.api.returns.Disposition;
import io.omnireturns.api.returns.ExternalSystem;
import io.omnireturns.api.returns.Grade;
import io.omnireturns.api.returns.HoldDecision;
import io.omnireturns.api.returns.HoldReason;
import io.omnireturns.api.returns.InspectedLine;
import io.omnireturns.api.returns.LineDecision;
import io.omnireturns.api.returns.LineRefund;
import io.omnireturns.api.returns.ProcessStep;
import io.omnireturns.api.returns.ReceivedLine;
import io.omnireturns.api.returns.RefundBreakdown;
import io.omnireturns.api.returns.RefundMethod;
import io.omnireturns.api.returns.RequestedLine;
import io.omnireturns.api.returns.ReturnReason;
import io.omnireturns.api.returns.ReturnStatus;
import io.omnireturns.api.returns.TenderRefund;
import io.omnireturns.api.returns.command.CancelReturn;
import io.omnireturns.api.returns.command.DeclineReturn;
import io.omnireturns.api.returns.command.RecordEligibilityDecision;
import io.omnireturns.api.returns.command.RecordFraudAssessment;
import io.omnireturns.api.returns.command.RecordParcelInTransit;
import io.omnireturns.api.returns.command.RecordRefundFailed;
import io.omnireturns.api.returns.command.RecordRefundIssued;
import io.omnireturns.api.returns.command.RaiseException;
import io.omnireturns.api.returns.command.RequestReturn;
import io.omnireturns.api.returns.command.RetryException;
import io.omnireturns.api.returns.event.ExceptionRaised;
import io.omnireturns.api.returns.event.ExceptionResolved;
import io.omnireturns.api.returns.event.FraudAssessed;
import io.omnireturns.api.returns.event.RefundApproved;
import io.omnireturns.api.returns.event.RefundFailed;
import io.omnireturns.api.returns.event.RefundIssued;
import io.omnireturns.api.returns.event.RefundRequested;
import io.omnireturns.api.returns.event.RefundSettled;
import io.omnireturns.api.returns.event.ReturnAuthorized;
import io.omnireturns.api.returns.event.ReturnCancelled;
import io.omnireturns.api.returns.event.ReturnDeclined;
import io.omnireturns.api.returns.event.ReturnHoldResolved;
import io.omnireturns.api.returns.event.ReturnInspectionCompleted;
import io.omnireturns.api.returns.event.ReturnItemsReceived;
import io.omnireturns.api.returns.event.ReturnLinesInspected;
import io.omnireturns.api.returns.event.ReturnPutOnHold;
import io.omnireturns.api.returns.event.ReturnRequested;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Map;

import static io.omnireturns.command.policy.OrderFixtures.EUR;
import static io.omnireturns.command.policy.OrderFixtures.anOrder;
import static io.omnireturns.command.policy.OrderFixtures.eur;
import static io.omnireturns.command.returns.ReturnErrors.DECISION_DOES_NOT_MATCH_REQUEST;
import static io.omnireturns.command.returns.ReturnErrors.DUPLICATE_LINE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rules a return decides with, without Axon: the state is sourced by calling its event sourcing handlers as
 * plain methods, and each rule answers the events it would have the aggregate apply. The aggregate's fixtures
 * (the lifecycle tests over {@link StandardReturn}, {@link StaffActionsAggregateTest}) prove the same through the
 * command bus.
 */
class ReturnRulesTest {

    private static final String RETURN_ID = "RET-R";
    private static final String ORDER_ID = "ORD-1";
    private static final OrderSnapshot ORDER = anOrder()
            .withLine("L1", 2, 5000, 2000)
            .withLine("L2", 1, 3000, 600)
            .paidWith("T1", TenderType.CARD, 14200)
            .build();
    private static final Money REFUND_TOTAL = eur(12_000);

    @Nested
    class Lifecycle {

        @Test
        void a_request_naming_an_order_line_twice_is_refused() {
            RequestReturn request = new RequestReturn(RETURN_ID, SalesChannel.WEB, null, "CUST-1",
                    RefundMethod.ORIGINAL_TENDER, List.of(new RequestedLine("L1", 1, ReturnReason.SIZE_OR_FIT),
                    new RequestedLine("L1", 1, ReturnReason.DEFECTIVE)), ORDER);

            assertThatThrownBy(() -> ReturnLifecycle.request(request)).satisfies(refusedWith(DUPLICATE_LINE));
        }

        @Test
        void an_eligibility_decision_that_leaves_a_requested_line_out_is_refused() {
            var decision = new RecordEligibilityDecision(RETURN_ID, List.of(new LineDecision("L1", 2, 2, List.of())));

            assertThatThrownBy(() -> ReturnLifecycle.decideEligibility(decision, requested()))
                    .satisfies(refusedWith(DECISION_DOES_NOT_MATCH_REQUEST));
        }

        @Test
        void a_second_eligibility_decision_decides_nothing() {
            var decision = new RecordEligibilityDecision(RETURN_ID, List.of(new LineDecision("L1", 2, 0, List.of()),
                    new LineDecision("L2", 1, 0, List.of())));

            assertThat(ReturnLifecycle.decideEligibility(decision, authorized())).isEmpty();
        }

        @Test
        void a_return_held_before_its_parcel_arrived_can_still_be_cancelled() {
            ReturnAggregate held = authorized();
            held.on(new ReturnPutOnHold(RETURN_ID, HoldReason.MANUAL, null, "look", ReturnStatus.AUTHORIZED));

            assertThat(ReturnLifecycle.cancel(new CancelReturn(RETURN_ID, "changed my mind", "customer"), held))
                    .containsExactly(new ReturnCancelled(RETURN_ID, ORDER_ID, "changed my mind", "customer"));
        }
    }

    @Nested
    class Logistics {

        @Test
        void inspection_is_not_complete_while_a_received_line_waits_for_its_inspection() {
            ReturnAggregate state = received();
            ReturnLinesInspected onlyL1 = new ReturnLinesInspected(RETURN_ID, "INSP-1", List.of(L1_ACCEPTED));
            state.on(onlyL1);

            assertThat(ReturnLogistics.completion(onlyL1, state)).isEmpty();
        }

        @Test
        void inspection_completes_with_what_it_accepted_once_every_received_line_is_inspected() {
            ReturnAggregate state = received();
            ReturnLinesInspected both = new ReturnLinesInspected(RETURN_ID, "INSP-1", List.of(L1_ACCEPTED, L2_SCRAPPED));
            state.on(both);

            assertThat(ReturnLogistics.completion(both, state)).containsExactly(new ReturnInspectionCompleted(RETURN_ID,
                    ORDER_ID, RefundMethod.ORIGINAL_TENDER,
                    List.of(new RefundableLine("L1", 2, Grade.NEW, ReturnReason.SIZE_OR_FIT),
                            new RefundableLine("L2", 0, Grade.UNSALEABLE, ReturnReason.DEFECTIVE)),
                    Map.of(), false));
        }

        @Test
        void a_late_carrier_scan_after_receipt_changes_nothing() {
            assertThat(ReturnLogistics.parcelInTransit(new RecordParcelInTransit(RETURN_ID, "DHL", "TRK-1"),
                    received())).isEmpty();
        }
    }

    @Nested
    class Refunds {

        @Test
        void a_final_refund_failure_holds_the_return_where_it_waited_for_the_money() {
            assertThat(ReturnMoney.refundFailed(new RecordRefundFailed(RETURN_ID, "DECLINED", "card closed", true),
                    refundPending())).containsExactly(
                    new RefundFailed(RETURN_ID, "DECLINED", "card closed", true),
                    new ReturnPutOnHold(RETURN_ID, HoldReason.REFUND_FAILED, ExternalSystem.PAYMENT,
                            "DECLINED: card closed", ReturnStatus.REFUND_PENDING));
        }

        @Test
        void a_refund_confirmed_as_settled_records_the_payment_and_its_settlement() {
            assertThat(ReturnMoney.refundIssued(new RecordRefundIssued(RETURN_ID, "PSP-1", REFUND_TOTAL, true),
                    refundPending())).containsExactly(new RefundIssued(RETURN_ID, "PSP-1", REFUND_TOTAL),
                    new RefundSettled(RETURN_ID, "PSP-1"));
        }
    }

    @Nested
    class Holds {

        @Test
        void retrying_the_last_open_exception_of_a_held_return_resumes_it_where_it_was_held() {
            ReturnAggregate state = heldWithExceptions(1);

            assertThat(ReturnHolds.retry(new RetryException(RETURN_ID, exceptionId(1), "ops"), state)).containsExactly(
                    new ExceptionResolved(RETURN_ID, exceptionId(1), ProcessStep.REFUND_PAYMENT, "KEY-1", "RETRY", "ops"),
                    new ReturnHoldResolved(RETURN_ID, ORDER_ID, HoldDecision.RESUME, "retry of KEY-1", "ops",
                            ReturnStatus.REFUND_PENDING));
        }

        @Test
        void retrying_one_of_two_open_exceptions_keeps_the_return_on_hold() {
            ReturnAggregate state = heldWithExceptions(2);

            assertThat(ReturnHolds.retry(new RetryException(RETURN_ID, exceptionId(1), "ops"), state)).containsExactly(
                    new ExceptionResolved(RETURN_ID, exceptionId(1), ProcessStep.REFUND_PAYMENT, "KEY-1", "RETRY", "ops"));
        }

        @ParameterizedTest(name = "held for {0}")
        @EnumSource(value = HoldReason.class, names = {"INSPECTION_MISMATCH", "FRAUD_REVIEW", "MANUAL"})
        void retrying_an_exception_raised_while_a_person_reviews_the_return_resolves_it_and_leaves_the_return_on_hold(
                HoldReason review) {
            ReturnAggregate state = inspected();
            state.on(new ReturnPutOnHold(RETURN_ID, review, ExternalSystem.WAREHOUSE, "look at it", ReturnStatus.INSPECTED));
            applyTo(state, ReturnHolds.raise(new RaiseException(RETURN_ID, ProcessStep.NOTIFY_CUSTOMER, "NOTICE-KEY",
                    "SERVER_ERROR_503", "CRM down", 5), state));

            List<Object> retried = ReturnHolds.retry(new RetryException(RETURN_ID, exceptionId(1), "ops"), state);
            applyTo(state, retried);

            assertThat(retried).containsExactly(new ExceptionResolved(RETURN_ID, exceptionId(1),
                    ProcessStep.NOTIFY_CUSTOMER, "NOTICE-KEY", "RETRY", "ops"));
            assertThat(state.status).isEqualTo(ReturnStatus.ON_HOLD);
            assertThat(state.heldFrom).isEqualTo(ReturnStatus.INSPECTED);
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(ProcessStep.class)
        void retrying_the_exception_of_a_step_that_held_the_return_resumes_it_whatever_the_step(ProcessStep step) {
            ReturnAggregate state = step == ProcessStep.DECIDE_ELIGIBILITY ? requested() : inspected();
            ReturnStatus stoodAt = state.status;
            applyTo(state, ReturnHolds.raise(new RaiseException(RETURN_ID, step, "STEP-KEY", "REJECTED_422", "refused",
                    1), state));

            assertThat(ReturnHolds.retry(new RetryException(RETURN_ID, exceptionId(1), "ops"), state)).containsExactly(
                    new ExceptionResolved(RETURN_ID, exceptionId(1), step, "STEP-KEY", "RETRY", "ops"),
                    new ReturnHoldResolved(RETURN_ID, ORDER_ID, HoldDecision.RESUME, "retry of STEP-KEY", "ops",
                            stoodAt));
        }

        @Test
        void a_fraud_score_asking_for_review_of_a_held_return_holds_it_no_second_time() {
            assertThat(ReturnHolds.fraudAssessed(new RecordFraudAssessment(RETURN_ID, 90, true, List.of("VELOCITY")),
                    heldWithExceptions(1))).containsExactly(new FraudAssessed(RETURN_ID, 90, true, List.of("VELOCITY")));
        }
    }

    @Nested
    class Staff {

        @Test
        void declining_resolves_every_open_exception_first() {
            ReturnAggregate state = received();
            state.on(exceptionRaised(1));
            state.on(new ReturnPutOnHold(RETURN_ID, HoldReason.INTEGRATION_FAILURE, ExternalSystem.WAREHOUSE, "down",
                    ReturnStatus.RECEIVED));

            assertThat(StaffDecisions.decline(new DeclineReturn(RETURN_ID, DeclineReason.ITEM_NOT_AS_DESCRIBED, "stains",
                    "agent"), state)).containsExactly(
                    new ExceptionResolved(RETURN_ID, exceptionId(1), ProcessStep.REFUND_PAYMENT, "KEY-1", "DECLINE",
                            "agent"),
                    new ReturnDeclined(RETURN_ID, ORDER_ID, DeclineReason.ITEM_NOT_AS_DESCRIBED, "stains", "agent",
                            ReturnStatus.ON_HOLD));
        }
    }

    private static final InspectedLine L1_ACCEPTED =
            new InspectedLine("L1", 2, 0, Grade.NEW, Disposition.RESTOCK, false, null);
    private static final InspectedLine L2_SCRAPPED =
            new InspectedLine("L2", 0, 1, Grade.UNSALEABLE, Disposition.SCRAP, false, "cracked");

    private static ReturnAggregate requested() {
        ReturnAggregate state = new ReturnAggregate();
        state.on(new ReturnRequested(RETURN_ID, SalesChannel.WEB, null, "CUST-1", ORDER_ID, RefundMethod.ORIGINAL_TENDER,
                List.of(new RequestedLine("L1", 2, ReturnReason.SIZE_OR_FIT),
                        new RequestedLine("L2", 1, ReturnReason.DEFECTIVE)), ORDER));
        return state;
    }

    private static ReturnAggregate authorized() {
        ReturnAggregate state = requested();
        state.on(new ReturnAuthorized(RETURN_ID, List.of(new LineDecision("L1", 2, 2, List.of()),
                new LineDecision("L2", 1, 1, List.of()))));
        return state;
    }

    private static ReturnAggregate received() {
        ReturnAggregate state = authorized();
        state.on(new ReturnItemsReceived(RETURN_ID, "RCPT-1", "DC-1",
                List.of(new ReceivedLine("L1", 2, null), new ReceivedLine("L2", 1, null)), List.of()));
        return state;
    }

    private static ReturnAggregate inspected() {
        ReturnAggregate state = received();
        state.on(new ReturnLinesInspected(RETURN_ID, "INSP-1", List.of(L1_ACCEPTED, L2_SCRAPPED)));
        state.on(new ReturnInspectionCompleted(RETURN_ID, ORDER_ID, RefundMethod.ORIGINAL_TENDER, List.of(), Map.of(),
                false));
        return state;
    }

    private static ReturnAggregate refundPending() {
        ReturnAggregate state = inspected();
        state.on(new RefundApproved(RETURN_ID, new RefundBreakdown(EUR, List.of(new LineRefund("L1", 2, eur(10_000),
                eur(2_000), eur(0), eur(0), REFUND_TOTAL, List.of())), eur(0), REFUND_TOTAL,
                List.of(new TenderRefund("T1", TenderType.CARD, REFUND_TOTAL)))));
        state.on(new RefundRequested(RETURN_ID, RETURN_ID + ":refund", REFUND_TOTAL));
        return state;
    }

    /** Waiting for the money, held with this many payment exceptions open. */
    private static ReturnAggregate heldWithExceptions(int open) {
        ReturnAggregate state = refundPending();
        for (int number = 1; number <= open; number++) {
            state.on(exceptionRaised(number));
        }
        state.on(new ReturnPutOnHold(RETURN_ID, HoldReason.REFUND_FAILED, ExternalSystem.PAYMENT, "gateway down",
                ReturnStatus.REFUND_PENDING));
        return state;
    }

    /** What the aggregate would do with the events a rule answers: source them into the state. */
    private static void applyTo(ReturnAggregate state, List<Object> events) {
        for (Object event : events) {
            if (event instanceof ExceptionRaised raised) {
                state.on(raised);
            } else if (event instanceof ExceptionResolved resolved) {
                state.on(resolved);
            } else if (event instanceof ReturnPutOnHold held) {
                state.on(held);
            } else if (event instanceof ReturnHoldResolved resolved) {
                state.on(resolved);
            } else {
                throw new IllegalArgumentException("not sourced here: " + event);
            }
        }
    }

    private static ExceptionRaised exceptionRaised(int number) {
        return new ExceptionRaised(RETURN_ID, exceptionId(number), ProcessStep.REFUND_PAYMENT, "KEY-" + number,
                ExternalSystem.PAYMENT, "SERVER_ERROR", "gateway down", 3);
    }

    private static String exceptionId(int number) {
        return "EX-" + RETURN_ID + "-" + number;
    }

    private static java.util.function.Consumer<Throwable> refusedWith(String code) {
        return thrown -> assertThat(thrown).isInstanceOfSatisfying(DomainException.class,
                refused -> assertThat(refused.code()).isEqualTo(code));
    }
}
