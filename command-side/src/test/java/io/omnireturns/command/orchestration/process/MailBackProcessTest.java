package io.omnireturns.command.orchestration.process;

import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.orders.TenderType;
import io.omnireturns.api.returns.Disposition;
import io.omnireturns.api.returns.TenderRefund;
import io.omnireturns.api.returns.command.CompleteReturn;
import io.omnireturns.api.returns.command.DecideRefund;
import io.omnireturns.command.connectors.carrier.LabelRequest;
import io.omnireturns.command.connectors.crm.CustomerNotification;
import io.omnireturns.command.connectors.erp.CreditMemoRequest;
import io.omnireturns.command.connectors.fraud.FraudCheck;
import io.omnireturns.command.connectors.loyalty.PointsReversalRequest;
import io.omnireturns.command.connectors.payments.RefundInstruction;
import io.omnireturns.command.connectors.warehouse.ReceiptAdvice;
import io.omnireturns.command.orchestration.StepCall;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.omnireturns.command.orchestration.process.Milestone.COMPLETED;
import static io.omnireturns.command.orchestration.process.Milestone.LABEL_ISSUED;
import static io.omnireturns.command.orchestration.process.Milestone.RECEIVED;
import static io.omnireturns.command.orchestration.process.Milestone.REFUNDED;
import static io.omnireturns.command.orchestration.process.ProcessRun.ADVISE_WAREHOUSE;
import static io.omnireturns.command.orchestration.process.ProcessRun.FRAUD_CHECK;
import static io.omnireturns.command.orchestration.process.ProcessRun.ISSUE_LABEL;
import static io.omnireturns.command.orchestration.process.ProcessRun.POST_CREDIT_MEMO;
import static io.omnireturns.command.orchestration.process.ProcessRun.REFUND_PAYMENT;
import static io.omnireturns.command.orchestration.process.ProcessRun.REVERSE_LOYALTY;
import static io.omnireturns.command.orchestration.process.ProcessRun.calledKeys;
import static io.omnireturns.command.orchestration.process.ProcessRun.callsOf;
import static io.omnireturns.command.orchestration.process.ProcessRun.commands;
import static io.omnireturns.command.orchestration.process.ProcessRun.given;
import static io.omnireturns.command.orchestration.process.ProcessRun.inventory;
import static io.omnireturns.command.orchestration.process.ProcessRun.notice;
import static io.omnireturns.command.orchestration.process.ProcessRun.onlyCall;
import static io.omnireturns.command.orchestration.process.ReturnStory.JACKETS;
import static io.omnireturns.command.orchestration.process.ReturnStory.JEANS;
import static io.omnireturns.command.orchestration.process.ReturnStory.PAYMENT_KEY;
import static io.omnireturns.command.orchestration.process.ReturnStory.RETURN_ID;
import static io.omnireturns.command.orchestration.process.ReturnStory.TRACKING_NUMBER;
import static io.omnireturns.command.orchestration.process.ReturnStory.eur;
import static org.assertj.core.api.Assertions.assertThat;

/** A web return sent back by post, step by step: given its events so far, the next event asks for these actions. */
class MailBackProcessTest {

    private final ReturnStory story = ReturnStory.mailBack();

    @Test
    void aRequestedReturnAsksForNothingYet() {
        assertThat(new ProcessRun().when(story.requested())).isEmpty();
    }

    @Test
    void anAuthorizedReturnIsFirstCheckedForFraud() {
        List<ProcessAction> actions = given(story.requested()).when(story.authorized());

        assertThat(calledKeys(actions)).containsExactly(FRAUD_CHECK);
        StepCall.Fraud check = onlyCall(actions, StepCall.Fraud.class);
        assertThat(check.attempt()).isEqualTo(1);
        assertThat(check.check()).isEqualTo(new FraudCheck(RETURN_ID, "ORD-1001", "CUST-100", SalesChannel.WEB, 3,
                eur(2 * 8_995 + 5_995)));
        assertThat(((ProcessAction.Call) actions.get(0)).delay()).isZero();
    }

    @Test
    void aReturnClearedOfFraudGetsALabelForTheWarehouseThatShippedIt() {
        List<ProcessAction> actions = given(story.upToAuthorization()).when(story.fraudCleared());

        assertThat(calledKeys(actions)).containsExactly(ISSUE_LABEL);
        assertThat(onlyCall(actions, StepCall.Label.class).request())
                .isEqualTo(new LabelRequest(RETURN_ID + ":ISSUE_LABEL", RETURN_ID, "CUST-100", "DC-EAST", 3));
    }

    @Test
    void anIssuedLabelAdvisesTheWarehouseAndSendsTheLabelToTheCustomer() {
        List<ProcessAction> actions = given(story.upToFraudClearance()).when(story.labelIssued());

        assertThat(calledKeys(actions)).containsExactlyInAnyOrder(ADVISE_WAREHOUSE, notice(LABEL_ISSUED));
        assertThat(onlyCall(actions, StepCall.Advice.class).advice()).isEqualTo(new ReceiptAdvice(
                RETURN_ID + ":ADVISE_WAREHOUSE", RETURN_ID, "DC-EAST", TRACKING_NUMBER,
                List.of(new ReceiptAdvice.ExpectedItem(JACKETS, "JKT-RAIN-NVY-M", 2),
                        new ReceiptAdvice.ExpectedItem(JEANS, "JNS-SLIM-IND-32", 1))));
        assertThat(onlyCall(actions, StepCall.Notify.class).notification()).isEqualTo(new CustomerNotification(
                RETURN_ID + ":NOTIFY_CUSTOMER:LABEL_ISSUED", RETURN_ID, "CUST-100", "LABEL_ISSUED",
                "Your return is approved; your return label is ready."));
    }

    @Test
    void receivedItemsAreAcknowledgedToTheCustomer() {
        List<ProcessAction> actions = given(story.upToParcelExpected()).when(story.itemsReceived());

        assertThat(calledKeys(actions)).containsExactly(notice(RECEIVED));
        assertThat(commands(actions)).isEmpty();
    }

    @Test
    void aCompletedInspectionDecidesTheRefundUnderThePaymentKeyOfTheReturn() {
        List<ProcessAction> actions = given(story.upToReceipt(), story.linesInspected())
                .when(story.inspectionCompleted());

        assertThat(calledKeys(actions)).isEmpty();
        assertThat(commands(actions)).containsExactly(new DecideRefund(RETURN_ID, "ORD-1001",
                story.refundMethod(), story.refundableLines(), RETURN_ID + ":REFUND_PAYMENT"));
        assertThat(actions).containsExactly(new ProcessAction.Send(ProcessTask.REFUND_DECISION,
                commands(actions).get(0)));
    }

    @Test
    void anInspectionAwaitingReviewDecidesNoRefund() {
        var awaitingReview = new io.omnireturns.api.returns.event.ReturnInspectionCompleted(RETURN_ID, "ORD-1001",
                story.refundMethod(), story.refundableLines(), java.util.Map.of(), true);

        assertThat(given(story.upToReceipt(), story.linesInspected()).when(awaitingReview)).isEmpty();
    }

    @Test
    void aDecidedRefundIsPaidThroughTheGatewayWithThePaymentKeyAndTheApprovedTenders() {
        List<ProcessAction> actions = given(story.upToInspection())
                .when(story.refundApproved(), story.refundRequested());

        assertThat(calledKeys(actions)).containsExactly(REFUND_PAYMENT);
        assertThat(commands(actions)).isEmpty();
        assertThat(onlyCall(actions, StepCall.Refund.class).instruction()).isEqualTo(new RefundInstruction(
                PAYMENT_KEY, RETURN_ID, "ORD-1001",
                List.of(new TenderRefund("ORD-1001-T1", TenderType.CARD, eur(28_782))), eur(28_782)));
    }

    @Test
    void anIssuedRefundPostsTheCreditMemoMovesTheStockReversesLoyaltyAndTellsTheCustomer() {
        List<ProcessAction> actions = given(story.upToRefundRequest()).when(story.refundIssued());

        assertThat(calledKeys(actions)).containsExactlyInAnyOrder(POST_CREDIT_MEMO, inventory(JACKETS),
                inventory(JEANS), REVERSE_LOYALTY, notice(REFUNDED));
        assertThat(commands(actions)).isEmpty();
    }

    @Test
    void theCreditMemoAndTheLoyaltyReversalCarryTheApprovedRefund() {
        List<ProcessAction> actions = given(story.upToRefundRequest()).when(story.refundIssued());

        assertThat(onlyCall(actions, StepCall.CreditMemo.class).request()).isEqualTo(new CreditMemoRequest(
                RETURN_ID + ":POST_CREDIT_MEMO", RETURN_ID, "ORD-1001", "CUST-100", story.refund().lines(),
                eur(0), eur(28_782)));
        assertThat(onlyCall(actions, StepCall.Loyalty.class).request()).isEqualTo(new PointsReversalRequest(
                RETURN_ID + ":REVERSE_LOYALTY", RETURN_ID, "CUST-100", eur(28_782)));
    }

    @Test
    void stockGoesBackToTheReceivingLocationWithTheDispositionFromInspection() {
        List<ProcessAction> actions = given(story.upToRefundRequest()).when(story.refundIssued());

        assertThat(callsOf(actions, StepCall.Inventory.class)).extracting(StepCall.Inventory::request)
                .containsExactlyInAnyOrderElementsOf(
                        ReturnStory.stockBookings(Disposition.RESTOCK, Disposition.REFURBISH));
    }

    @Test
    void onceEverySystemIsInStepAndTheCustomerKnowsOfTheRefundTheReturnIsCompleted() {
        List<ProcessAction> actions = given(story.upToAllButTheRefundNotice()).when(story.notified(REFUNDED));

        assertThat(actions).containsExactly(
                new ProcessAction.Send(ProcessTask.COMPLETION, new CompleteReturn(RETURN_ID)));
    }

    @Test
    void theLastPostingToReportBackCompletesTheReturn() {
        List<ProcessAction> actions = given(story.upToRefundIssue(), story.refundSettled(), story.creditMemoPosted(),
                story.inventoryAdjusted(JACKETS), story.inventoryAdjusted(JEANS), story.notified(REFUNDED))
                .when(story.loyaltyAdjusted());

        assertThat(commands(actions)).containsExactly(new CompleteReturn(RETURN_ID));
    }

    @Test
    void aReturnWithItsCreditMemoOutstandingIsNotCompleted() {
        assertThat(given(story.upToRefundIssue(), story.refundSettled(), story.inventoryAdjustedForEveryLine(),
                story.loyaltyAdjusted()).when(story.notified(REFUNDED))).isEmpty();
    }

    @Test
    void aReturnWithOneLineOfStockOutstandingIsNotCompleted() {
        assertThat(given(story.upToRefundIssue(), story.refundSettled(), story.creditMemoPosted(),
                story.inventoryAdjusted(JACKETS), story.loyaltyAdjusted()).when(story.notified(REFUNDED))).isEmpty();
    }

    @Test
    void aRefundNotYetSettledKeepsTheReturnOpen() {
        assertThat(given(story.upToRefundIssue(), story.creditMemoPosted(), story.inventoryAdjustedForEveryLine(),
                story.loyaltyAdjusted()).when(story.notified(REFUNDED))).isEmpty();
    }

    @Test
    void aSettlementReportedBeforeTheRefundIsIssuedStillCompletesTheReturnOnceAllIsDone() {
        List<ProcessAction> actions = given(story.upToRefundRequest(), story.refundSettled(), story.refundIssued(),
                story.creditMemoPosted(), story.inventoryAdjustedForEveryLine(), story.loyaltyAdjusted())
                .when(story.notified(REFUNDED));

        assertThat(commands(actions)).containsExactly(new CompleteReturn(RETURN_ID));
    }

    @Test
    void aCompletedReturnTellsTheCustomer() {
        List<ProcessAction> actions = given(story.upToCompletionRequest()).when(story.completed());

        assertThat(calledKeys(actions)).containsExactly(notice(COMPLETED));
        assertThat(onlyCall(actions, StepCall.Notify.class).notification().message())
                .isEqualTo("Your return is complete.");
    }

    @Test
    void theProcessIsFinishedOnceTheCustomerKnowsTheReturnIsComplete() {
        ProcessRun run = given(story.upToCompletion());

        assertThat(run.when(story.notified(COMPLETED))).isEmpty();
        assertThat(run.process().finished()).isTrue();
        assertThat(run.process().nextDue(ProcessRun.TIMING)).isEmpty();
        assertThat(run.after(Duration.ofDays(400)).overdue()).isEmpty();
    }

    @Test
    void aProcessIsNotFinishedBeforeTheCompletionNotice() {
        assertThat(given(story.upToCompletion()).process().finished()).isFalse();
    }
}
