package io.omnireturns.command.orchestration;

import io.omnireturns.api.error.DomainException;
import io.omnireturns.api.error.ErrorKind;
import io.omnireturns.api.ledger.AllocateRefund;
import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.orders.TenderType;
import io.omnireturns.api.returns.Disposition;
import io.omnireturns.api.returns.ExternalSystem;
import io.omnireturns.api.returns.HoldDecision;
import io.omnireturns.api.returns.HoldReason;
import io.omnireturns.api.returns.ProcessStep;
import io.omnireturns.api.returns.RefundBreakdown;
import io.omnireturns.api.returns.ReturnStatus;
import io.omnireturns.api.returns.TenderRefund;
import io.omnireturns.api.returns.command.ApproveRefund;
import io.omnireturns.api.returns.command.CompleteReturn;
import io.omnireturns.api.returns.command.ExpireReturn;
import io.omnireturns.api.returns.command.RaiseException;
import io.omnireturns.api.returns.command.RecordRefundRequested;
import io.omnireturns.command.connectors.carrier.LabelRequest;
import io.omnireturns.command.connectors.crm.CaseRequest;
import io.omnireturns.command.connectors.crm.CustomerNotification;
import io.omnireturns.command.connectors.erp.CreditMemoRequest;
import io.omnireturns.command.connectors.erp.InventoryAdjustmentRequest;
import io.omnireturns.command.connectors.fraud.FraudCheck;
import io.omnireturns.command.connectors.loyalty.PointsReversalRequest;
import io.omnireturns.command.connectors.orders.ReplacementRequest;
import io.omnireturns.command.connectors.payments.RefundInstruction;
import io.omnireturns.command.connectors.warehouse.ReceiptAdvice;
import io.omnireturns.command.orchestration.ReturnProcessSaga.StepTimer;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.test.saga.ContinuedGivenState;
import org.axonframework.test.saga.SagaTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.omnireturns.command.orchestration.ReturnProcessSaga.AUTHORIZED;
import static io.omnireturns.command.orchestration.ReturnProcessSaga.COMPLETED;
import static io.omnireturns.command.orchestration.ReturnProcessSaga.LABEL_ISSUED;
import static io.omnireturns.command.orchestration.ReturnProcessSaga.RECEIPT_EXPIRY;
import static io.omnireturns.command.orchestration.ReturnProcessSaga.RECEIVED;
import static io.omnireturns.command.orchestration.ReturnProcessSaga.REFUNDED;
import static io.omnireturns.command.orchestration.ReturnProcessSaga.SETTLEMENT_SLA;
import static io.omnireturns.command.orchestration.ReturnProcessSaga.STEP_RETRY;
import static io.omnireturns.command.orchestration.ReturnProcessSaga.STEP_TIMEOUT;
import static io.omnireturns.command.orchestration.ReturnStory.EXCEPTION_ID;
import static io.omnireturns.command.orchestration.ReturnStory.JACKETS;
import static io.omnireturns.command.orchestration.ReturnStory.JEANS;
import static io.omnireturns.command.orchestration.ReturnStory.LARGER_JACKET_SKU;
import static io.omnireturns.command.orchestration.ReturnStory.PAYMENT_KEY;
import static io.omnireturns.command.orchestration.ReturnStory.RECEIVING_LOCATION;
import static io.omnireturns.command.orchestration.ReturnStory.RETURN_ID;
import static io.omnireturns.command.orchestration.ReturnStory.TRACKING_NUMBER;
import static io.omnireturns.command.orchestration.ReturnStory.eur;
import static io.omnireturns.command.orchestration.ReturnStory.events;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The return process, one behaviour per test: given the events the return published so far, when the next
 * event (or the passing of time) arrives, expect the commands dispatched, the deadlines, and the step calls
 * handed to the {@link StepExecutor} (recorded, never executed). Step calls leave in the unit of work's
 * after-commit phase; the fixture commits every event's and every deadline's unit of work, so the recorder
 * sees them. Axon runs after-commit callbacks in reverse order of registration, so the calls one event causes
 * arrive in reverse: the tests assert them in any order. Figures are in {@link ReturnStory}.
 */
class ReturnProcessSagaTest {

    private static final ProcessProperties SETTINGS = new ProcessProperties(5, Duration.ofSeconds(2),
            Duration.ofMinutes(5), Duration.ofMinutes(2), Duration.ofDays(30), Duration.ofDays(5), 4, Duration.ofMinutes(5));
    private static final Duration STEP_TIMEOUT_AFTER = SETTINGS.stepTimeout();
    private static final Duration RECEIPT_EXPIRES_AFTER = SETTINGS.receiptExpiry();
    private static final Duration SETTLEMENT_DUE_AFTER = SETTINGS.settlementSla();

    private static final String FRAUD_CHECK = "FRAUD_CHECK";
    private static final String ISSUE_LABEL = "ISSUE_LABEL";
    private static final String ADVISE_WAREHOUSE = "ADVISE_WAREHOUSE";
    private static final String REFUND_PAYMENT = "REFUND_PAYMENT";
    private static final String REPLACEMENT_ORDER = "REPLACEMENT_ORDER";
    private static final String POST_CREDIT_MEMO = "POST_CREDIT_MEMO";
    private static final String REVERSE_LOYALTY = "REVERSE_LOYALTY";
    private static final String OPEN_CASE = "OPEN_CASE:" + EXCEPTION_ID;
    private static final String SETTLEMENT = "REFUND_SETTLEMENT";

    private SagaTestFixture<ReturnProcessSaga> fixture;
    private final RecordingStepExecutor steps = new RecordingStepExecutor();
    /** What the order's ledger answers to {@link AllocateRefund}. */
    private RefundBreakdown allocation;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(ReturnProcessSaga.class);
        fixture.registerResource(steps);
        fixture.registerResource(SETTINGS);
        fixture.registerResource(org.mockito.Mockito.mock(OverdueDecision.class));
        fixture.registerStartRecordingCallback(steps::forget);
        // a failing saga handler fails the test instead of being logged and skipped
        fixture.registerListenerInvocationErrorHandler(PropagatingErrorHandler.instance());
        fixture.setCallbackBehavior((payload, metaData) -> payload instanceof AllocateRefund ? allocation : null);
    }

    private ContinuedGivenState given(Object... events) {
        return fixture.givenAggregate(RETURN_ID).published(events(events));
    }

    private static String inventory(String lineId) {
        return "ADJUST_INVENTORY:" + lineId;
    }

    private static String notification(String milestone) {
        return "NOTIFY_CUSTOMER:" + milestone;
    }

    @Nested
    class MailBackReturn {

        private final ReturnStory story = ReturnStory.mailBack();

        @BeforeEach
        void ledgerAllocatesTheFullRefund() {
            allocation = story.refund();
        }

        @Test
        void a_requested_return_starts_one_process_associated_with_it() {
            fixture.givenNoPriorActivity()
                    .whenAggregate(RETURN_ID).publishes(story.requested())
                    .expectActiveSagas(1)
                    .expectAssociationWith("returnId", RETURN_ID)
                    .expectNoDispatchedCommands()
                    .expectScheduledDeadlineWithName(SETTINGS.decisionTimeout(), ReturnProcessSaga.DECISION_TIMEOUT);
            assertThat(steps.calls()).isEmpty();
        }

        @Test
        void an_authorized_return_is_first_checked_for_fraud_under_a_step_timeout() {
            given(story.requested())
                    .whenAggregate(RETURN_ID).publishes(story.authorized())
                    .expectNoDispatchedCommands()
                    .expectScheduledDeadlineWithName(STEP_TIMEOUT_AFTER, STEP_TIMEOUT)
                    .expectScheduledDeadline(STEP_TIMEOUT_AFTER, new StepTimer(FRAUD_CHECK, 1));
            assertThat(steps.stepKeys()).containsExactly(FRAUD_CHECK);
            assertThat(steps.onlyCall(StepCall.Fraud.class).check()).isEqualTo(new FraudCheck(RETURN_ID,
                    "ORD-1001", "CUST-100", SalesChannel.WEB, 3, eur(2 * 8_995 + 5_995)));
        }

        @Test
        void a_return_cleared_of_fraud_gets_a_label_and_waits_thirty_days_for_its_parcel() {
            given(story.upToAuthorization())
                    .whenAggregate(RETURN_ID).publishes(story.fraudCleared())
                    .expectNoDispatchedCommands()
                    .expectScheduledDeadlineWithName(RECEIPT_EXPIRES_AFTER, RECEIPT_EXPIRY)
                    .expectNoScheduledDeadlineMatching(timerOf(FRAUD_CHECK));
            assertThat(steps.stepKeys()).containsExactly(ISSUE_LABEL);
            assertThat(steps.onlyCall(StepCall.Label.class).request())
                    .isEqualTo(new LabelRequest(RETURN_ID + ":ISSUE_LABEL", RETURN_ID, "CUST-100", "DC-EAST", 3));
        }

        @Test
        void an_issued_label_advises_the_warehouse_and_sends_the_label_to_the_customer() {
            given(story.upToFraudClearance())
                    .whenAggregate(RETURN_ID).publishes(story.labelIssued())
                    .expectNoDispatchedCommands()
                    .expectNoScheduledDeadlineMatching(timerOf(ISSUE_LABEL));
            assertThat(steps.stepKeys()).containsExactlyInAnyOrder(ADVISE_WAREHOUSE, notification(LABEL_ISSUED));
            assertThat(steps.onlyCall(StepCall.Advice.class).advice()).isEqualTo(new ReceiptAdvice(
                    RETURN_ID + ":ADVISE_WAREHOUSE", RETURN_ID, "DC-EAST", TRACKING_NUMBER,
                    List.of(new ReceiptAdvice.ExpectedItem(JACKETS, "JKT-RAIN-NVY-M", 2),
                            new ReceiptAdvice.ExpectedItem(JEANS, "JNS-SLIM-IND-32", 1))));
            assertThat(steps.onlyCall(StepCall.Notify.class).notification()).isEqualTo(new CustomerNotification(
                    RETURN_ID + ":NOTIFY_CUSTOMER:LABEL_ISSUED", RETURN_ID, "CUST-100", LABEL_ISSUED,
                    Milestones.message(LABEL_ISSUED)));
        }

        @Test
        void received_items_stop_the_expiry_clock_and_the_customer_hears_of_the_receipt() {
            given(story.upToParcelExpected())
                    .whenAggregate(RETURN_ID).publishes(story.itemsReceived())
                    .expectNoDispatchedCommands()
                    .expectNoScheduledDeadlineMatching(deadlineNamed(RECEIPT_EXPIRY));
            assertThat(steps.stepKeys()).containsExactly(notification(RECEIVED));
        }

        @Test
        void a_completed_inspection_allocates_the_refund_against_the_order_and_approves_it() {
            given(story.upToReceipt(), story.linesInspected())
                    .whenAggregate(RETURN_ID).publishes(story.inspectionCompleted())
                    .expectDispatchedCommands(
                            new AllocateRefund("ORD-1001", RETURN_ID, story.refundMethod(), story.refundableLines()),
                            new ApproveRefund(RETURN_ID, story.refund()));
            assertThat(steps.calls()).isEmpty();
        }

        @Test
        void an_approved_refund_is_recorded_as_requested_under_the_payment_idempotency_key() {
            given(story.upToInspection())
                    .whenAggregate(RETURN_ID).publishes(story.refundApproved())
                    .expectDispatchedCommands(new RecordRefundRequested(RETURN_ID, RETURN_ID + ":REFUND_PAYMENT",
                            eur(28_782)));
            assertThat(steps.calls()).isEmpty();
        }

        @Test
        void a_requested_refund_is_paid_through_the_gateway_with_that_key_and_the_approved_tenders() {
            given(story.upToRefundApproval())
                    .whenAggregate(RETURN_ID).publishes(story.refundRequested())
                    .expectNoDispatchedCommands()
                    .expectScheduledDeadline(STEP_TIMEOUT_AFTER, new StepTimer(REFUND_PAYMENT, 1));
            StepCall.Refund payment = steps.onlyCall(StepCall.Refund.class);
            assertThat(payment.attempt()).isEqualTo(1);
            assertThat(payment.instruction()).isEqualTo(new RefundInstruction(PAYMENT_KEY, RETURN_ID, "ORD-1001",
                    List.of(new TenderRefund("ORD-1001-T1", TenderType.CARD, eur(28_782))), eur(28_782)));
        }

        @Test
        void an_issued_refund_posts_the_credit_memo_moves_the_stock_reverses_loyalty_and_tells_the_customer() {
            given(story.upToRefundRequest())
                    .whenAggregate(RETURN_ID).publishes(story.refundIssued())
                    .expectNoDispatchedCommands()
                    .expectNoScheduledDeadlineMatching(timerOf(REFUND_PAYMENT));
            assertThat(steps.stepKeys()).containsExactlyInAnyOrder(POST_CREDIT_MEMO, inventory(JACKETS), inventory(JEANS),
                    REVERSE_LOYALTY, notification(REFUNDED));
        }

        @Test
        void an_issued_refund_starts_the_settlement_clock() {
            given(story.upToRefundRequest())
                    .whenAggregate(RETURN_ID).publishes(story.refundIssued())
                    .expectScheduledDeadlineWithName(SETTLEMENT_DUE_AFTER, SETTLEMENT_SLA);
        }

        @Test
        void the_credit_memo_and_the_loyalty_reversal_carry_the_approved_refund() {
            given(story.upToRefundRequest())
                    .whenAggregate(RETURN_ID).publishes(story.refundIssued());
            assertThat(steps.onlyCall(StepCall.CreditMemo.class).request()).isEqualTo(new CreditMemoRequest(
                    RETURN_ID + ":POST_CREDIT_MEMO", RETURN_ID, "ORD-1001", "CUST-100", story.refund().lines(),
                    eur(0), eur(28_782)));
            assertThat(steps.onlyCall(StepCall.Loyalty.class).request()).isEqualTo(new PointsReversalRequest(
                    RETURN_ID + ":REVERSE_LOYALTY", RETURN_ID, "CUST-100", eur(28_782)));
        }

        @Test
        void stock_goes_back_to_the_receiving_location_with_the_disposition_from_inspection() {
            given(story.upToRefundRequest())
                    .whenAggregate(RETURN_ID).publishes(story.refundIssued());
            assertThat(steps.callsOf(StepCall.Inventory.class)).extracting(StepCall.Inventory::request).containsExactlyInAnyOrder(
                    new InventoryAdjustmentRequest(RETURN_ID + ":" + inventory(JACKETS), RETURN_ID, JACKETS,
                            "JKT-RAIN-NVY-M", 2, Disposition.RESTOCK, RECEIVING_LOCATION),
                    new InventoryAdjustmentRequest(RETURN_ID + ":" + inventory(JEANS), RETURN_ID, JEANS,
                            "JNS-SLIM-IND-32", 1, Disposition.REFURBISH, RECEIVING_LOCATION));
        }

        @Test
        void a_settled_refund_stops_the_settlement_clock() {
            given(story.upToRefundIssue())
                    .whenAggregate(RETURN_ID).publishes(story.refundSettled())
                    .expectNoDispatchedCommands()
                    .expectNoScheduledDeadlineMatching(deadlineNamed(SETTLEMENT_SLA));
            assertThat(steps.calls()).isEmpty();
        }

        @Test
        void once_every_system_is_in_step_and_the_customer_knows_of_the_refund_the_return_is_completed() {
            given(story.upToAllButTheRefundNotice())
                    .whenAggregate(RETURN_ID).publishes(story.notified(REFUNDED))
                    .expectDispatchedCommands(new CompleteReturn(RETURN_ID));
        }

        @Test
        void the_last_posting_to_report_back_completes_the_return() {
            given(story.upToRefundIssue(), story.refundSettled(), story.creditMemoPosted(),
                    story.inventoryAdjusted(JACKETS), story.inventoryAdjusted(JEANS), story.notified(REFUNDED))
                    .whenAggregate(RETURN_ID).publishes(story.loyaltyAdjusted())
                    .expectDispatchedCommands(new CompleteReturn(RETURN_ID));
        }

        @Test
        void a_return_with_its_credit_memo_outstanding_is_not_completed() {
            given(story.upToRefundIssue(), story.refundSettled(), story.inventoryAdjustedForEveryLine(),
                    story.loyaltyAdjusted())
                    .whenAggregate(RETURN_ID).publishes(story.notified(REFUNDED))
                    .expectNoDispatchedCommands();
        }

        @Test
        void a_return_with_one_line_of_stock_outstanding_is_not_completed() {
            given(story.upToRefundIssue(), story.refundSettled(), story.creditMemoPosted(),
                    story.inventoryAdjusted(JACKETS), story.loyaltyAdjusted())
                    .whenAggregate(RETURN_ID).publishes(story.notified(REFUNDED))
                    .expectNoDispatchedCommands();
        }

        @Test
        void a_refund_not_yet_settled_keeps_the_return_open() {
            given(story.upToRefundIssue(), story.creditMemoPosted(), story.inventoryAdjustedForEveryLine(),
                    story.loyaltyAdjusted())
                    .whenAggregate(RETURN_ID).publishes(story.notified(REFUNDED))
                    .expectNoDispatchedCommands();
        }

        @Test
        void a_completed_return_tells_the_customer() {
            given(story.upToCompletionRequest())
                    .whenAggregate(RETURN_ID).publishes(story.completed())
                    .expectNoDispatchedCommands();
            assertThat(steps.stepKeys()).containsExactly(notification(COMPLETED));
            assertThat(steps.onlyCall(StepCall.Notify.class).notification().message())
                    .isEqualTo("Your return is complete.");
        }

        @Test
        void the_process_ends_once_the_customer_knows_the_return_is_complete() {
            given(story.upToCompletion())
                    .whenAggregate(RETURN_ID).publishes(story.notified(COMPLETED))
                    .expectActiveSagas(0)
                    .expectNoDispatchedCommands()
                    .expectNoScheduledDeadlines();
            assertThat(steps.calls()).isEmpty();
        }
    }

    @Nested
    class StoreReturn {

        private final ReturnStory story = ReturnStory.atStore();

        @BeforeEach
        void ledgerAllocatesTheFullRefund() {
            allocation = story.refund();
        }

        @Test
        void a_store_return_is_checked_for_fraud_too() {
            given(story.requested())
                    .whenAggregate(RETURN_ID).publishes(story.authorized());
            assertThat(steps.onlyCall(StepCall.Fraud.class).check().channel()).isEqualTo(SalesChannel.STORE);
        }

        @Test
        void a_store_return_cleared_of_fraud_gets_no_label_an_approval_notice_and_a_wait_for_the_counter() {
            given(story.upToAuthorization())
                    .whenAggregate(RETURN_ID).publishes(story.fraudCleared())
                    .expectNoDispatchedCommands()
                    .expectScheduledDeadlineWithName(RECEIPT_EXPIRES_AFTER, RECEIPT_EXPIRY);
            assertThat(steps.stepKeys()).containsExactly(notification(AUTHORIZED));
            assertThat(steps.onlyCall(StepCall.Notify.class).notification().message())
                    .isEqualTo(Milestones.message(AUTHORIZED));
        }

        @Test
        void items_taken_at_the_counter_are_acknowledged_to_the_customer() {
            given(story.upToParcelExpected())
                    .whenAggregate(RETURN_ID).publishes(story.itemsReceived())
                    .expectNoDispatchedCommands();
            assertThat(steps.stepKeys()).containsExactly(notification(RECEIVED));
        }

        @Test
        void the_counter_inspection_allocates_and_approves_the_refund() {
            given(story.upToReceipt(), story.linesInspected())
                    .whenAggregate(RETURN_ID).publishes(story.inspectionCompleted())
                    .expectDispatchedCommands(
                            new AllocateRefund("ORD-1005", RETURN_ID, story.refundMethod(), story.refundableLines()),
                            new ApproveRefund(RETURN_ID, story.refund()));
        }

        @Test
        void the_approved_store_refund_is_recorded_as_requested() {
            given(story.upToInspection())
                    .whenAggregate(RETURN_ID).publishes(story.refundApproved())
                    .expectDispatchedCommands(new RecordRefundRequested(RETURN_ID, PAYMENT_KEY, eur(9_582)));
        }

        @Test
        void the_store_refund_goes_back_to_cash_and_card_as_approved() {
            given(story.upToRefundApproval())
                    .whenAggregate(RETURN_ID).publishes(story.refundRequested());
            assertThat(steps.onlyCall(StepCall.Refund.class).instruction()).isEqualTo(new RefundInstruction(
                    PAYMENT_KEY, RETURN_ID, "ORD-1005",
                    List.of(new TenderRefund("ORD-1005-T1", TenderType.CASH, eur(2_000)),
                            new TenderRefund("ORD-1005-T2", TenderType.CARD, eur(7_582))),
                    eur(9_582)));
        }

        @Test
        void stock_taken_back_at_the_counter_goes_back_into_the_store() {
            given(story.upToRefundRequest())
                    .whenAggregate(RETURN_ID).publishes(story.refundIssued());
            assertThat(steps.stepKeys()).containsExactlyInAnyOrder(POST_CREDIT_MEMO, inventory(ReturnStory.HOODIE),
                    inventory(ReturnStory.BEANIES), REVERSE_LOYALTY, notification(REFUNDED));
            assertThat(steps.callsOf(StepCall.Inventory.class))
                    .extracting(call -> call.request().locationId())
                    .containsExactly("STORE-001", "STORE-001");
        }

        @Test
        void a_store_return_completes_once_everything_is_done() {
            given(story.upToAllButTheRefundNotice())
                    .whenAggregate(RETURN_ID).publishes(story.notified(REFUNDED))
                    .expectDispatchedCommands(new CompleteReturn(RETURN_ID));
        }
    }

    @Nested
    class Exchange {

        private final ReturnStory story = ReturnStory.exchange();

        @BeforeEach
        void ledgerAllocatesTheJacket() {
            allocation = story.refund();
        }

        @Test
        void an_approved_exchange_orders_the_replacement_instead_of_requesting_a_refund() {
            given(story.upToInspection())
                    .whenAggregate(RETURN_ID).publishes(story.refundApproved())
                    .expectNoDispatchedCommands();
            assertThat(steps.stepKeys()).containsExactly(REPLACEMENT_ORDER);
            assertThat(steps.onlyCall(StepCall.Replacement.class).request()).isEqualTo(new ReplacementRequest(
                    RETURN_ID + ":REPLACEMENT_ORDER", RETURN_ID, "ORD-1001", "CUST-100",
                    List.of(new ReplacementRequest.Item(JACKETS, LARGER_JACKET_SKU, 1))));
        }

        @Test
        void a_created_replacement_order_posts_the_credit_memo_and_moves_stock_but_leaves_loyalty_alone() {
            given(story.upToRefundApproval())
                    .whenAggregate(RETURN_ID).publishes(story.replacementOrderCreated())
                    .expectNoDispatchedCommands()
                    .expectNoScheduledDeadlineMatching(timerOf(REPLACEMENT_ORDER));
            assertThat(steps.stepKeys()).containsExactlyInAnyOrder(POST_CREDIT_MEMO, inventory(JACKETS), notification(REFUNDED));
        }

        @Test
        void an_exchange_waits_for_no_settlement() {
            given(story.upToRefundApproval())
                    .whenAggregate(RETURN_ID).publishes(story.replacementOrderCreated())
                    .expectNoScheduledDeadlineMatching(deadlineNamed(SETTLEMENT_SLA));
        }

        @Test
        void an_exchange_completes_without_a_settlement() {
            given(story.upToAllButTheRefundNotice())
                    .whenAggregate(RETURN_ID).publishes(story.notified(REFUNDED))
                    .expectDispatchedCommands(new CompleteReturn(RETURN_ID));
        }
    }

    @Nested
    class FraudHold {

        private final ReturnStory story = ReturnStory.mailBack();

        @Test
        void a_return_held_for_fraud_review_gets_no_label_and_no_expiry() {
            given(story.upToAuthorization())
                    .whenAggregate(RETURN_ID).publishes(story.fraudFlagged())
                    .expectNoDispatchedCommands()
                    .expectNoScheduledDeadlineMatching(deadlineNamed(RECEIPT_EXPIRY))
                    .expectNoScheduledDeadlineMatching(timerOf(FRAUD_CHECK));
            assertThat(steps.calls()).isEmpty();
        }

        @Test
        void a_return_resumed_after_fraud_review_gets_its_label_and_its_expiry() {
            given(story.upToAuthorization(), story.fraudFlagged(),
                    story.putOnHold(HoldReason.FRAUD_REVIEW, ExternalSystem.FRAUD, ReturnStatus.AUTHORIZED))
                    .whenAggregate(RETURN_ID).publishes(story.holdResolved(HoldDecision.RESUME, ReturnStatus.AUTHORIZED))
                    .expectNoDispatchedCommands()
                    .expectScheduledDeadlineWithName(RECEIPT_EXPIRES_AFTER, RECEIPT_EXPIRY);
            assertThat(steps.stepKeys()).containsExactly(ISSUE_LABEL);
        }

        @Test
        void a_store_return_resumed_after_fraud_review_tells_the_customer_it_is_approved() {
            ReturnStory store = ReturnStory.atStore();
            given(store.upToAuthorization(), store.fraudFlagged(),
                    store.putOnHold(HoldReason.FRAUD_REVIEW, ExternalSystem.FRAUD, ReturnStatus.AUTHORIZED))
                    .whenAggregate(RETURN_ID).publishes(store.holdResolved(HoldDecision.RESUME, ReturnStatus.AUTHORIZED))
                    .expectScheduledDeadlineWithName(RECEIPT_EXPIRES_AFTER, RECEIPT_EXPIRY);
            assertThat(steps.stepKeys()).containsExactly(notification(AUTHORIZED));
        }

        @Test
        void a_return_rejected_after_fraud_review_tells_the_customer() {
            given(story.upToAuthorization(), story.fraudFlagged(),
                    story.putOnHold(HoldReason.FRAUD_REVIEW, ExternalSystem.FRAUD, ReturnStatus.AUTHORIZED))
                    .whenAggregate(RETURN_ID).publishes(story.holdResolved(HoldDecision.REJECT, ReturnStatus.REJECTED))
                    .expectNoDispatchedCommands();
            assertThat(steps.stepKeys()).containsExactly(notification("REJECTED"));
        }

        @Test
        void a_return_cancelled_during_fraud_review_tells_the_customer() {
            given(story.upToAuthorization(), story.fraudFlagged(),
                    story.putOnHold(HoldReason.FRAUD_REVIEW, ExternalSystem.FRAUD, ReturnStatus.AUTHORIZED))
                    .whenAggregate(RETURN_ID).publishes(story.holdResolved(HoldDecision.CANCEL, ReturnStatus.CANCELLED))
                    .expectNoDispatchedCommands();
            assertThat(steps.stepKeys()).containsExactly(notification("CANCELLED"));
        }

        @Test
        void the_process_ends_once_the_customer_knows_the_review_rejected_the_return() {
            given(story.upToAuthorization(), story.fraudFlagged(),
                    story.putOnHold(HoldReason.FRAUD_REVIEW, ExternalSystem.FRAUD, ReturnStatus.AUTHORIZED),
                    story.holdResolved(HoldDecision.REJECT, ReturnStatus.REJECTED))
                    .whenAggregate(RETURN_ID).publishes(story.notified("REJECTED"))
                    .expectActiveSagas(0)
                    .expectNoScheduledDeadlines();
        }
    }

    @Nested
    class ReceiptExpiry {

        private final ReturnStory story = ReturnStory.mailBack();

        @Test
        void a_parcel_not_received_within_thirty_days_expires_the_return() {
            given(story.upToParcelExpected())
                    .whenTimeElapses(RECEIPT_EXPIRES_AFTER)
                    .expectTriggeredDeadlinesWithName(RECEIPT_EXPIRY)
                    .expectDispatchedCommands(new ExpireReturn(RETURN_ID));
            assertThat(steps.calls()).isEmpty();
        }

        @Test
        void a_return_that_refuses_to_expire_keeps_its_process() {
            fixture.setCallbackBehavior((payload, metaData) -> {
                if (payload instanceof ExpireReturn) {
                    throw new DomainException(ErrorKind.ILLEGAL_STATE, "RETURN_NOT_EXPIRABLE", "parcel just arrived");
                }
                return null;
            });
            given(story.upToParcelExpected())
                    .whenTimeElapses(RECEIPT_EXPIRES_AFTER)
                    .expectDispatchedCommands(new ExpireReturn(RETURN_ID))
                    .expectActiveSagas(1);
        }

        @Test
        void a_parcel_received_in_time_never_expires_the_return() {
            given(story.upToReceipt())
                    .whenTimeElapses(RECEIPT_EXPIRES_AFTER.plusDays(1))
                    .expectNoDispatchedCommands();
        }

        @Test
        void an_expired_return_tells_the_customer() throws Exception {
            given(story.upToParcelExpected())
                    .andThenTimeElapses(RECEIPT_EXPIRES_AFTER)
                    .whenAggregate(RETURN_ID).publishes(story.expired())
                    .expectNoDispatchedCommands();
            assertThat(steps.stepKeys()).containsExactly(notification("EXPIRED"));
            assertThat(steps.onlyCall(StepCall.Notify.class).notification().message())
                    .isEqualTo(Milestones.message("EXPIRED"));
        }

        @Test
        void the_process_ends_once_the_customer_knows_the_return_expired() throws Exception {
            given(story.upToParcelExpected())
                    .andThenTimeElapses(RECEIPT_EXPIRES_AFTER)
                    .andThenAggregate(RETURN_ID).published(story.expired())
                    .whenAggregate(RETURN_ID).publishes(story.notified("EXPIRED"))
                    .expectActiveSagas(0)
                    .expectNoScheduledDeadlines();
        }
    }

    @Nested
    class NothingToRefund {

        private final ReturnStory story = ReturnStory.mailBack().rejectedAtInspection();

        @BeforeEach
        void ledgerAllocatesNothing() {
            allocation = story.refund();
        }

        @Test
        void an_inspection_that_accepts_nothing_still_approves_the_zero_refund() {
            given(story.upToReceipt(), story.linesInspected())
                    .whenAggregate(RETURN_ID).publishes(story.inspectionCompleted())
                    .expectDispatchedCommands(
                            new AllocateRefund("ORD-1001", RETURN_ID, story.refundMethod(), story.refundableLines()),
                            new ApproveRefund(RETURN_ID, RefundBreakdown.none("EUR")));
        }

        @Test
        void a_refund_approved_at_zero_requests_no_payment() {
            given(story.upToInspection())
                    .whenAggregate(RETURN_ID).publishes(story.refundApproved())
                    .expectNoDispatchedCommands()
                    .expectNoScheduledDeadlineMatching(deadlineNamed(SETTLEMENT_SLA));
            assertThat(steps.callsOf(StepCall.Refund.class)).isEmpty();
        }

        @Test
        void a_refund_approved_at_zero_moves_the_rejected_stock_but_posts_no_credit_memo_and_no_loyalty() {
            given(story.upToInspection())
                    .whenAggregate(RETURN_ID).publishes(story.refundApproved());
            assertThat(steps.stepKeys()).containsExactlyInAnyOrder(inventory(JACKETS), inventory(JEANS), notification(REFUNDED));
            assertThat(steps.callsOf(StepCall.Inventory.class))
                    .extracting(call -> call.request().orderLineId(), call -> call.request().disposition(),
                            call -> call.request().quantity())
                    .containsExactlyInAnyOrder(tuple(JACKETS, Disposition.SCRAP, 2), tuple(JEANS, Disposition.SCRAP, 1));
        }

        @Test
        void a_return_refunded_nothing_completes_without_credit_memo_or_settlement() {
            given(story.upToAllButTheRefundNotice())
                    .whenAggregate(RETURN_ID).publishes(story.notified(REFUNDED))
                    .expectDispatchedCommands(new CompleteReturn(RETURN_ID));
        }
    }

    @Nested
    class PartialRefund {

        private final ReturnStory story = ReturnStory.mailBack().withConditionDeduction();

        @BeforeEach
        void ledgerDeductsForTheJeansCondition() {
            allocation = story.refund();
        }

        @Test
        void the_deducted_allocation_is_approved_as_the_ledger_made_it() {
            given(story.upToReceipt(), story.linesInspected())
                    .whenAggregate(RETURN_ID).publishes(story.inspectionCompleted())
                    .expectDispatchedCommands(
                            new AllocateRefund("ORD-1001", RETURN_ID, story.refundMethod(), story.refundableLines()),
                            new ApproveRefund(RETURN_ID, story.refund()));
        }

        @Test
        void a_partial_refund_is_requested_for_the_approved_amount_not_what_was_paid() {
            given(story.upToInspection())
                    .whenAggregate(RETURN_ID).publishes(story.refundApproved())
                    .expectDispatchedCommands(new RecordRefundRequested(RETURN_ID, PAYMENT_KEY, eur(27_282)));
        }

        @Test
        void a_partial_refund_reaches_the_gateway_unchanged() {
            given(story.upToRefundApproval())
                    .whenAggregate(RETURN_ID).publishes(story.refundRequested());
            assertThat(steps.onlyCall(StepCall.Refund.class).instruction()).isEqualTo(new RefundInstruction(
                    PAYMENT_KEY, RETURN_ID, "ORD-1001",
                    List.of(new TenderRefund("ORD-1001-T1", TenderType.CARD, eur(27_282))), eur(27_282)));
        }

        @Test
        void the_credit_memo_carries_the_deduction() {
            given(story.upToRefundRequest())
                    .whenAggregate(RETURN_ID).publishes(story.refundIssued());
            CreditMemoRequest memo = steps.onlyCall(StepCall.CreditMemo.class).request();
            assertThat(memo.total()).isEqualTo(eur(27_282));
            assertThat(memo.lines()).isEqualTo(story.refund().lines());
        }
    }

    @Nested
    class PaymentRetries {

        private final ReturnStory story = ReturnStory.mailBack();

        @Test
        void a_retryable_payment_failure_waits_the_backoff_before_the_next_attempt() {
            given(story.upToRefundRequest())
                    .whenAggregate(RETURN_ID).publishes(story.stepFailed(REFUND_PAYMENT, "GATEWAY_UNAVAILABLE", true, 1))
                    .expectNoDispatchedCommands()
                    .expectScheduledDeadlineWithName(Duration.ofSeconds(2), STEP_RETRY)
                    .expectScheduledDeadline(Duration.ofSeconds(2), new StepTimer(REFUND_PAYMENT, 2))
                    .expectNoScheduledDeadlineMatching(deadlineNamed(STEP_TIMEOUT));
            assertThat(steps.calls()).isEmpty();
        }

        @Test
        void the_payment_is_tried_again_after_the_backoff_under_the_same_idempotency_key() {
            given(story.upToRefundRequest(), story.stepFailed(REFUND_PAYMENT, "GATEWAY_UNAVAILABLE", true, 1))
                    .whenTimeElapses(Duration.ofSeconds(2))
                    .expectNoDispatchedCommands()
                    .expectScheduledDeadline(STEP_TIMEOUT_AFTER, new StepTimer(REFUND_PAYMENT, 2));
            StepCall.Refund retry = steps.onlyCall(StepCall.Refund.class);
            assertThat(retry.attempt()).isEqualTo(2);
            assertThat(retry.instruction().idempotencyKey()).isEqualTo(PAYMENT_KEY);
            assertThat(retry.instruction().amount()).isEqualTo(eur(28_782));
        }

        @Test
        void each_further_attempt_waits_twice_as_long() throws Exception {
            given(story.upToRefundRequest(), story.stepFailed(REFUND_PAYMENT, "GATEWAY_UNAVAILABLE", true, 1))
                    .andThenTimeElapses(Duration.ofSeconds(2))
                    .whenAggregate(RETURN_ID).publishes(story.stepFailed(REFUND_PAYMENT, "GATEWAY_UNAVAILABLE", true, 2))
                    .expectScheduledDeadline(Duration.ofSeconds(4), new StepTimer(REFUND_PAYMENT, 3));
        }

        @Test
        void a_refund_issued_on_the_second_attempt_carries_on_with_the_postings() throws Exception {
            given(story.upToRefundRequest(), story.stepFailed(REFUND_PAYMENT, "GATEWAY_UNAVAILABLE", true, 1))
                    .andThenTimeElapses(Duration.ofSeconds(2))
                    .whenAggregate(RETURN_ID).publishes(story.refundIssued())
                    .expectNoDispatchedCommands()
                    .expectNoScheduledDeadlineMatching(timerOf(REFUND_PAYMENT));
            assertThat(steps.stepKeys()).containsExactlyInAnyOrder(POST_CREDIT_MEMO, inventory(JACKETS), inventory(JEANS),
                    REVERSE_LOYALTY, notification(REFUNDED));
        }
    }

    @Nested
    class PaymentFailingForGood {

        private final ReturnStory story = ReturnStory.mailBack();

        @Test
        void a_payment_refused_for_good_goes_to_the_exception_queue_at_once() {
            given(story.upToRefundRequest())
                    .whenAggregate(RETURN_ID).publishes(story.stepFailed(REFUND_PAYMENT, "CARD_CLOSED", false, 1))
                    .expectDispatchedCommands(new RaiseException(RETURN_ID, ProcessStep.REFUND_PAYMENT, REFUND_PAYMENT,
                            "CARD_CLOSED", "CARD_CLOSED on attempt 1", 1))
                    .expectNoScheduledDeadlineMatching(timerOf(REFUND_PAYMENT));
            assertThat(steps.calls()).isEmpty();
        }

        @Test
        void a_payment_still_failing_on_its_last_attempt_goes_to_the_exception_queue() {
            givenRetryableFailures(story.upToRefundRequest(), REFUND_PAYMENT, "GATEWAY_UNAVAILABLE", 4)
                    .whenAggregate(RETURN_ID).publishes(story.stepFailed(REFUND_PAYMENT, "GATEWAY_UNAVAILABLE", true, 5))
                    .expectDispatchedCommands(new RaiseException(RETURN_ID, ProcessStep.REFUND_PAYMENT, REFUND_PAYMENT,
                            "GATEWAY_UNAVAILABLE", "GATEWAY_UNAVAILABLE on attempt 5", 5))
                    .expectNoScheduledDeadlineMatching(timerOf(REFUND_PAYMENT));
        }

        @Test
        void a_raised_exception_opens_a_crm_case() {
            given(story.upToRefundRequest(), story.stepFailed(REFUND_PAYMENT, "CARD_CLOSED", false, 1))
                    .whenAggregate(RETURN_ID).publishes(
                            story.exceptionRaised(ProcessStep.REFUND_PAYMENT, REFUND_PAYMENT, "CARD_CLOSED", 1))
                    .expectNoDispatchedCommands();
            StepCall.OpenCase openCase = steps.onlyCall(StepCall.OpenCase.class);
            assertThat(openCase.exceptionId()).isEqualTo(EXCEPTION_ID);
            assertThat(openCase.request()).isEqualTo(new CaseRequest(RETURN_ID + ":" + OPEN_CASE, RETURN_ID,
                    "CUST-100", "RETURN_EXCEPTION", "return RET-1 needs attention: exception " + EXCEPTION_ID));
        }

        @Test
        void a_crm_that_cannot_open_the_case_raises_no_exception_about_itself() {
            given(story.upToRefundRequest(), story.stepFailed(REFUND_PAYMENT, "CARD_CLOSED", false, 1),
                    story.exceptionRaised(ProcessStep.REFUND_PAYMENT, REFUND_PAYMENT, "CARD_CLOSED", 1))
                    .whenAggregate(RETURN_ID).publishes(story.stepFailed(OPEN_CASE, "CRM_DOWN", false, 1))
                    .expectNoDispatchedCommands();
        }

        @Test
        void a_retried_exception_pays_again_under_the_same_idempotency_key_so_no_second_refund_is_possible() {
            given(story.upToRefundRequest(), story.stepFailed(REFUND_PAYMENT, "CARD_CLOSED", false, 1),
                    story.exceptionRaised(ProcessStep.REFUND_PAYMENT, REFUND_PAYMENT, "CARD_CLOSED", 1),
                    story.caseOpened())
                    .whenAggregate(RETURN_ID).publishes(
                            story.exceptionResolved(ProcessStep.REFUND_PAYMENT, REFUND_PAYMENT, "RETRY"))
                    .expectNoDispatchedCommands()
                    .expectScheduledDeadline(STEP_TIMEOUT_AFTER, new StepTimer(REFUND_PAYMENT, 1));
            StepCall.Refund again = steps.onlyCall(StepCall.Refund.class);
            assertThat(again.instruction()).isEqualTo(new RefundInstruction(PAYMENT_KEY, RETURN_ID, "ORD-1001",
                    story.refund().tenders(), eur(28_782)));
        }

        @Test
        void an_exception_resolved_a_second_time_runs_nothing_again() {
            given(story.upToRefundRequest(), story.stepFailed(REFUND_PAYMENT, "CARD_CLOSED", false, 1),
                    story.exceptionRaised(ProcessStep.REFUND_PAYMENT, REFUND_PAYMENT, "CARD_CLOSED", 1),
                    story.exceptionResolved(ProcessStep.REFUND_PAYMENT, REFUND_PAYMENT, "RETRY"))
                    .whenAggregate(RETURN_ID).publishes(
                            story.exceptionResolved(ProcessStep.REFUND_PAYMENT, REFUND_PAYMENT, "RETRY"))
                    .expectNoDispatchedCommands();
            assertThat(steps.calls()).isEmpty();
        }
    }

    @Nested
    class ErpOutage {

        private final ReturnStory story = ReturnStory.mailBack();

        /** Refund issued and settled, stock moved, loyalty reversed, customer told: only the credit memo is missing. */
        private Object[] everythingButTheCreditMemo() {
            return events(story.upToRefundIssue(), story.refundSettled(), story.inventoryAdjustedForEveryLine(),
                    story.loyaltyAdjusted(), story.notified(REFUNDED));
        }

        private Object[] creditMemoEscalated() {
            return events(story.stepFailed(POST_CREDIT_MEMO, "ERP_UNAVAILABLE", true, 5),
                    story.exceptionRaised(ProcessStep.POST_CREDIT_MEMO, POST_CREDIT_MEMO, "ERP_UNAVAILABLE", 5),
                    story.putOnHold(HoldReason.POSTING_FAILED, ExternalSystem.ERP_CREDIT_MEMO, ReturnStatus.REFUNDED),
                    story.caseOpened());
        }

        @Test
        void an_erp_down_on_the_first_attempt_is_tried_again_after_the_backoff() {
            given(everythingButTheCreditMemo())
                    .whenAggregate(RETURN_ID).publishes(story.stepFailed(POST_CREDIT_MEMO, "ERP_UNAVAILABLE", true, 1))
                    .expectNoDispatchedCommands()
                    .expectScheduledDeadline(Duration.ofSeconds(2), new StepTimer(POST_CREDIT_MEMO, 2));
        }

        @Test
        void an_erp_down_through_every_attempt_puts_the_return_in_the_exception_queue() {
            givenRetryableFailures(everythingButTheCreditMemo(), POST_CREDIT_MEMO, "ERP_UNAVAILABLE", 4)
                    .whenAggregate(RETURN_ID).publishes(story.stepFailed(POST_CREDIT_MEMO, "ERP_UNAVAILABLE", true, 5))
                    .expectDispatchedCommands(new RaiseException(RETURN_ID, ProcessStep.POST_CREDIT_MEMO,
                            POST_CREDIT_MEMO, "ERP_UNAVAILABLE", "ERP_UNAVAILABLE on attempt 5", 5));
        }

        @Test
        void a_resumed_exception_posts_the_credit_memo_again_under_the_same_key() {
            givenRetryableFailures(everythingButTheCreditMemo(), POST_CREDIT_MEMO, "ERP_UNAVAILABLE", 4)
                    .andThenAggregate(RETURN_ID).published(creditMemoEscalated())
                    .whenAggregate(RETURN_ID).publishes(
                            story.exceptionResolved(ProcessStep.POST_CREDIT_MEMO, POST_CREDIT_MEMO, "RESUME"))
                    .expectNoDispatchedCommands();
            StepCall.CreditMemo again = steps.onlyCall(StepCall.CreditMemo.class);
            assertThat(again.attempt()).isEqualTo(1);
            assertThat(again.request().idempotencyKey()).isEqualTo(RETURN_ID + ":POST_CREDIT_MEMO");
        }

        @Test
        void the_credit_memo_posted_after_the_outage_completes_the_return() {
            givenRetryableFailures(everythingButTheCreditMemo(), POST_CREDIT_MEMO, "ERP_UNAVAILABLE", 4)
                    .andThenAggregate(RETURN_ID).published(creditMemoEscalated())
                    .andThenAggregate(RETURN_ID).published(
                            story.exceptionResolved(ProcessStep.POST_CREDIT_MEMO, POST_CREDIT_MEMO, "RESUME"),
                            story.holdResolved(HoldDecision.RESUME, ReturnStatus.REFUNDED))
                    .whenAggregate(RETURN_ID).publishes(story.creditMemoPosted())
                    .expectDispatchedCommands(new CompleteReturn(RETURN_ID));
        }
    }

    @Nested
    class StepTimeouts {

        private final ReturnStory story = ReturnStory.mailBack();

        @Test
        void a_step_without_an_answer_is_asked_again_when_its_timeout_elapses() {
            given(story.upToFraudClearance())
                    .whenTimeElapses(STEP_TIMEOUT_AFTER)
                    .expectNoDispatchedCommands()
                    .expectScheduledDeadline(STEP_TIMEOUT_AFTER, new StepTimer(ISSUE_LABEL, 2));
            assertThat(steps.stepKeys()).containsExactly(ISSUE_LABEL);
            StepCall.Label again = steps.onlyCall(StepCall.Label.class);
            assertThat(again.attempt()).isEqualTo(2);
            assertThat(again.request().idempotencyKey()).isEqualTo(RETURN_ID + ":ISSUE_LABEL");
        }

        @Test
        void a_step_unanswered_through_every_attempt_goes_to_the_exception_queue() {
            given(story.upToFraudClearance())
                    .whenTimeElapses(STEP_TIMEOUT_AFTER.multipliedBy(SETTINGS.stepMaxAttempts()))
                    .expectDispatchedCommands(new RaiseException(RETURN_ID, ProcessStep.ISSUE_LABEL, ISSUE_LABEL,
                            "TIMEOUT", "no answer after 5 attempts", 5))
                    .expectNoScheduledDeadlineMatching(timerOf(ISSUE_LABEL));
            assertThat(steps.callsOf(StepCall.Label.class)).extracting(StepCall::attempt).containsExactly(2, 3, 4, 5);
        }

        @Test
        void a_step_that_answered_is_not_asked_again() {
            given(story.upToParcelExpected())
                    .whenTimeElapses(STEP_TIMEOUT_AFTER)
                    .expectNoDispatchedCommands();
            assertThat(steps.calls()).isEmpty();
        }

        @Test
        void a_payment_without_an_answer_is_asked_again_under_the_same_idempotency_key() {
            given(story.upToRefundRequest())
                    .whenTimeElapses(STEP_TIMEOUT_AFTER);
            StepCall.Refund again = steps.onlyCall(StepCall.Refund.class);
            assertThat(again.attempt()).isEqualTo(2);
            assertThat(again.instruction().idempotencyKey()).isEqualTo(PAYMENT_KEY);
        }
    }

    @Nested
    class StaleReports {

        private final ReturnStory story = ReturnStory.mailBack();

        @Test
        void a_failure_report_of_an_attempt_already_superseded_is_ignored() throws Exception {
            given(story.upToRefundRequest(), story.stepFailed(REFUND_PAYMENT, "GATEWAY_UNAVAILABLE", true, 1))
                    .andThenTimeElapses(Duration.ofSeconds(2))
                    .whenAggregate(RETURN_ID).publishes(story.stepFailed(REFUND_PAYMENT, "GATEWAY_UNAVAILABLE", true, 1))
                    .expectNoDispatchedCommands()
                    .expectNoScheduledDeadlineMatching(deadlineNamed(STEP_RETRY))
                    .expectScheduledDeadline(STEP_TIMEOUT_AFTER, new StepTimer(REFUND_PAYMENT, 2));
            assertThat(steps.calls()).isEmpty();
        }

        @Test
        void a_final_failure_report_of_an_attempt_already_superseded_raises_no_exception() throws Exception {
            given(story.upToRefundRequest(), story.stepFailed(REFUND_PAYMENT, "GATEWAY_UNAVAILABLE", true, 1))
                    .andThenTimeElapses(Duration.ofSeconds(2))
                    .whenAggregate(RETURN_ID).publishes(story.stepFailed(REFUND_PAYMENT, "CARD_CLOSED", false, 1))
                    .expectNoDispatchedCommands();
        }

        @Test
        void a_failure_report_of_a_step_already_done_is_ignored() {
            given(story.upToFraudClearance())
                    .whenAggregate(RETURN_ID).publishes(story.stepFailed(FRAUD_CHECK, "SCORING_DOWN", false, 1))
                    .expectNoDispatchedCommands();
            assertThat(steps.calls()).isEmpty();
        }
    }

    @Nested
    class Redelivery {

        private final ReturnStory story = ReturnStory.mailBack();

        @BeforeEach
        void ledgerAllocatesTheFullRefund() {
            allocation = story.refund();
        }

        @Test
        void a_refund_issued_twice_posts_moves_stock_and_notifies_only_once() {
            given(story.upToRefundIssue())
                    .whenAggregate(RETURN_ID).publishes(story.refundIssued())
                    .expectNoDispatchedCommands();
            assertThat(steps.calls()).isEmpty();
        }

        @Test
        void a_refund_issued_again_after_the_postings_reported_back_calls_no_system_again() {
            given(story.upToAllButTheRefundNotice())
                    .whenAggregate(RETURN_ID).publishes(story.refundIssued())
                    .expectNoDispatchedCommands();
            assertThat(steps.calls()).isEmpty();
        }

        @Test
        void a_redelivered_credit_memo_posting_does_not_complete_the_return_twice() {
            given(story.upToCompletionRequest())
                    .whenAggregate(RETURN_ID).publishes(story.creditMemoPosted())
                    .expectNoDispatchedCommands();
            assertThat(steps.calls()).isEmpty();
        }

        @Test
        void a_redelivered_refund_notice_does_not_complete_the_return_twice() {
            given(story.upToCompletionRequest())
                    .whenAggregate(RETURN_ID).publishes(story.notified(REFUNDED))
                    .expectNoDispatchedCommands();
        }

        @Test
        void a_refund_request_redelivered_while_the_payment_is_in_flight_calls_the_gateway_only_once() {
            given(story.upToRefundRequest())
                    .whenAggregate(RETURN_ID).publishes(story.refundRequested())
                    .expectNoDispatchedCommands();
            assertThat(steps.calls()).isEmpty();
        }

        @Test
        void a_refund_request_redelivered_after_the_refund_was_issued_calls_the_gateway_no_more() {
            given(story.upToRefundIssue())
                    .whenAggregate(RETURN_ID).publishes(story.refundRequested())
                    .expectNoDispatchedCommands()
                    .expectNoScheduledDeadlineMatching(timerOf(REFUND_PAYMENT));
            assertThat(steps.calls()).isEmpty();
        }

        @Test
        void a_refund_approval_redelivered_requests_nothing_new() {
            given(story.upToRefundRequest())
                    .whenAggregate(RETURN_ID).publishes(story.refundApproved());
            assertThat(steps.calls()).isEmpty();
        }

        @Test
        void an_inspection_redelivered_after_the_refund_was_approved_allocates_nothing_again() {
            given(story.upToRefundApproval())
                    .whenAggregate(RETURN_ID).publishes(story.inspectionCompleted())
                    .expectNoDispatchedCommands();
        }

        @Test
        void a_receipt_redelivered_does_not_count_the_items_twice() {
            given(story.upToReceipt(), story.itemsReceived(), story.linesInspected(), story.inspectionCompleted(),
                    story.refundApproved(), story.refundRequested())
                    .whenAggregate(RETURN_ID).publishes(story.refundIssued());
            assertThat(steps.callsOf(StepCall.Inventory.class))
                    .extracting(call -> call.request().orderLineId(), call -> call.request().quantity())
                    .containsExactlyInAnyOrder(tuple(JACKETS, 2), tuple(JEANS, 1));
        }

        @Test
        void a_label_redelivered_advises_the_warehouse_only_once() {
            given(story.upToParcelExpected())
                    .whenAggregate(RETURN_ID).publishes(story.labelIssued())
                    .expectNoScheduledDeadlineMatching(timerOf(ADVISE_WAREHOUSE));
            assertThat(steps.calls()).isEmpty();
        }

        @Test
        void an_authorization_redelivered_after_the_fraud_review_checks_fraud_only_once() {
            given(story.upToAuthorization(), story.fraudFlagged())
                    .whenAggregate(RETURN_ID).publishes(story.authorized())
                    .expectNoScheduledDeadlineMatching(timerOf(FRAUD_CHECK));
            assertThat(steps.calls()).isEmpty();
        }

        @Test
        void a_completion_redelivered_tells_the_customer_only_once() {
            given(story.upToCompletion())
                    .whenAggregate(RETURN_ID).publishes(story.completed());
            assertThat(steps.calls()).isEmpty();
        }

        @Test
        void a_zero_refund_approval_redelivered_moves_no_stock_twice() {
            ReturnStory nothingToRefund = ReturnStory.mailBack().rejectedAtInspection();
            given(nothingToRefund.upToRefundApproval())
                    .whenAggregate(RETURN_ID).publishes(nothingToRefund.refundApproved())
                    .expectNoDispatchedCommands();
            assertThat(steps.calls()).isEmpty();
        }

        @Test
        void an_exchange_approval_redelivered_after_the_replacement_order_orders_no_second_one() {
            ReturnStory exchange = ReturnStory.exchange();
            given(exchange.upToRefundApproval(), exchange.replacementOrderCreated())
                    .whenAggregate(RETURN_ID).publishes(exchange.refundApproved())
                    .expectNoScheduledDeadlineMatching(timerOf(REPLACEMENT_ORDER));
            assertThat(steps.calls()).isEmpty();
        }

        @Test
        void a_replacement_order_reported_twice_posts_only_once() {
            ReturnStory exchange = ReturnStory.exchange();
            given(exchange.upToRefundApproval(), exchange.replacementOrderCreated())
                    .whenAggregate(RETURN_ID).publishes(exchange.replacementOrderCreated())
                    .expectNoDispatchedCommands();
            assertThat(steps.calls()).isEmpty();
        }
    }

    @Nested
    class OutOfOrder {

        private final ReturnStory story = ReturnStory.mailBack();

        @Test
        void items_received_while_the_warehouse_advice_is_still_running_are_taken_as_usual() {
            given(story.upToFraudClearance(), story.labelIssued())
                    .whenAggregate(RETURN_ID).publishes(story.itemsReceived())
                    .expectNoDispatchedCommands()
                    .expectNoScheduledDeadlineMatching(deadlineNamed(RECEIPT_EXPIRY))
                    .expectScheduledDeadline(STEP_TIMEOUT_AFTER, new StepTimer(ADVISE_WAREHOUSE, 1));
            assertThat(steps.stepKeys()).containsExactly(notification(RECEIVED));
        }

        @Test
        void a_warehouse_advice_reported_after_the_receipt_just_closes_its_step() {
            given(story.upToFraudClearance(), story.labelIssued(), story.itemsReceived())
                    .whenAggregate(RETURN_ID).publishes(story.warehouseAdvised())
                    .expectNoDispatchedCommands()
                    .expectNoScheduledDeadlineMatching(timerOf(ADVISE_WAREHOUSE));
            assertThat(steps.calls()).isEmpty();
        }

        @Test
        void a_settlement_reported_before_the_refund_is_issued_starts_no_settlement_clock() {
            given(story.upToRefundRequest(), story.refundSettled())
                    .whenAggregate(RETURN_ID).publishes(story.refundIssued())
                    .expectNoDispatchedCommands()
                    .expectNoScheduledDeadlineMatching(deadlineNamed(SETTLEMENT_SLA));
        }

        @Test
        void a_settlement_reported_before_the_refund_is_issued_still_completes_the_return_once_all_is_done() {
            given(story.upToRefundRequest(), story.refundSettled(), story.refundIssued(), story.creditMemoPosted(),
                    story.inventoryAdjustedForEveryLine(), story.loyaltyAdjusted())
                    .whenAggregate(RETURN_ID).publishes(story.notified(REFUNDED))
                    .expectDispatchedCommands(new CompleteReturn(RETURN_ID));
        }
    }

    @Nested
    class SettlementOverdue {

        private final ReturnStory story = ReturnStory.mailBack();

        private Object[] everythingButTheSettlement() {
            return events(story.upToRefundIssue(), story.creditMemoPosted(), story.inventoryAdjustedForEveryLine(),
                    story.loyaltyAdjusted(), story.notified(REFUNDED));
        }

        @Test
        void a_refund_left_unsettled_past_the_sla_goes_to_the_exception_queue() {
            given(everythingButTheSettlement())
                    .whenTimeElapses(SETTLEMENT_DUE_AFTER)
                    .expectTriggeredDeadlinesWithName(SETTLEMENT_SLA)
                    .expectDispatchedCommands(new RaiseException(RETURN_ID, ProcessStep.REFUND_PAYMENT, SETTLEMENT,
                            "SETTLEMENT_OVERDUE", "the payment gateway has not settled the refund in time", 0));
            assertThat(steps.calls()).isEmpty();
        }

        @Test
        void a_resumed_settlement_exception_waits_another_sla_and_pays_nothing_again() throws Exception {
            given(everythingButTheSettlement())
                    .andThenTimeElapses(SETTLEMENT_DUE_AFTER)
                    .andThenAggregate(RETURN_ID).published(
                            story.exceptionRaised(ProcessStep.REFUND_PAYMENT, SETTLEMENT, "SETTLEMENT_OVERDUE", 0),
                            story.caseOpened())
                    .whenAggregate(RETURN_ID).publishes(
                            story.exceptionResolved(ProcessStep.REFUND_PAYMENT, SETTLEMENT, "RESUME"))
                    .expectNoDispatchedCommands()
                    .expectScheduledDeadlineWithName(SETTLEMENT_DUE_AFTER, SETTLEMENT_SLA);
            assertThat(steps.calls()).isEmpty();
        }
    }

    @Nested
    class EndingsWithoutRefund {

        private final ReturnStory story = ReturnStory.mailBack();

        @Test
        void a_rejected_return_tells_the_customer() {
            given(story.requested())
                    .whenAggregate(RETURN_ID).publishes(story.rejected())
                    .expectNoDispatchedCommands();
            assertThat(steps.stepKeys()).containsExactly(notification("REJECTED"));
            assertThat(steps.onlyCall(StepCall.Notify.class).notification().message())
                    .isEqualTo(Milestones.message("REJECTED"));
        }

        @Test
        void the_process_ends_once_the_customer_knows_the_return_was_rejected() {
            given(story.requested(), story.rejected())
                    .whenAggregate(RETURN_ID).publishes(story.notified("REJECTED"))
                    .expectActiveSagas(0)
                    .expectNoScheduledDeadlines();
        }

        @Test
        void a_cancelled_return_tells_the_customer() {
            given(story.upToParcelExpected())
                    .whenAggregate(RETURN_ID).publishes(story.cancelled())
                    .expectNoDispatchedCommands();
            assertThat(steps.stepKeys()).containsExactly(notification("CANCELLED"));
        }

        @Test
        void the_process_and_its_expiry_clock_end_once_the_customer_knows_the_return_was_cancelled() {
            given(story.upToParcelExpected(), story.cancelled())
                    .whenAggregate(RETURN_ID).publishes(story.notified("CANCELLED"))
                    .expectActiveSagas(0)
                    .expectNoScheduledDeadlines();
        }

        @Test
        void a_return_cancelled_while_its_label_is_being_issued_stops_asking_the_carrier() {
            given(story.upToFraudClearance(), story.cancelled())
                    .whenAggregate(RETURN_ID).publishes(story.notified("CANCELLED"))
                    .expectActiveSagas(0)
                    .expectNoScheduledDeadlines();
        }
    }

    /**
     * Drives a step through {@code failures} retryable failures, letting each backoff pass so the next attempt
     * is in flight: attempt {@code failures + 1} runs when the given phase ends.
     */
    private ContinuedGivenState givenRetryableFailures(Object[] before, String stepKey, String failureCode,
                                                       int failures) {
        ReturnStory story = ReturnStory.mailBack();
        ContinuedGivenState state = given(before);
        for (int attempt = 1; attempt <= failures; attempt++) {
            state = state.andThenAggregate(RETURN_ID).published(story.stepFailed(stepKey, failureCode, true, attempt));
            try {
                state = state.andThenTimeElapses(SETTINGS.backoffBefore(attempt + 1));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return state;
    }

    private static Matcher<DeadlineMessage<?>> deadlineNamed(String name) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(DeadlineMessage<?> deadline) {
                return name.equals(deadline.getDeadlineName());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a deadline named ").appendValue(name);
            }
        };
    }

    /** A step-timeout or step-retry deadline guarding the step. */
    private static Matcher<DeadlineMessage<?>> timerOf(String stepKey) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(DeadlineMessage<?> deadline) {
                return deadline.getPayload() instanceof StepTimer timer && timer.stepKey().equals(stepKey);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a step timer of ").appendValue(stepKey);
            }
        };
    }
}
