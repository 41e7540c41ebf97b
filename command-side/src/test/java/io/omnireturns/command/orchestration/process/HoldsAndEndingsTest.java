package io.omnireturns.command.orchestration.process;

import io.omnireturns.api.returns.Disposition;
import io.omnireturns.api.returns.ExternalSystem;
import io.omnireturns.api.returns.Grade;
import io.omnireturns.api.returns.HoldDecision;
import io.omnireturns.api.returns.HoldReason;
import io.omnireturns.api.returns.InspectedLine;
import io.omnireturns.api.returns.ProcessStep;
import io.omnireturns.api.returns.ReturnStatus;
import io.omnireturns.api.returns.command.CompleteReturn;
import io.omnireturns.api.returns.command.DecideRefund;
import io.omnireturns.api.returns.command.ExpireReturn;
import io.omnireturns.api.returns.command.RaiseException;
import io.omnireturns.api.returns.event.ReturnInspectionCompleted;
import io.omnireturns.api.returns.event.ReturnLinesInspected;
import io.omnireturns.command.orchestration.StepCall;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.omnireturns.command.orchestration.process.Milestone.CANCELLED;
import static io.omnireturns.command.orchestration.process.Milestone.EXPIRED;
import static io.omnireturns.command.orchestration.process.Milestone.RECEIVED;
import static io.omnireturns.command.orchestration.process.Milestone.REFUNDED;
import static io.omnireturns.command.orchestration.process.Milestone.REJECTED;
import static io.omnireturns.command.orchestration.process.ProcessRun.ISSUE_LABEL;
import static io.omnireturns.command.orchestration.process.ProcessRun.OPEN_CASE;
import static io.omnireturns.command.orchestration.process.ProcessRun.REFUND_PAYMENT;
import static io.omnireturns.command.orchestration.process.ProcessRun.REPLACEMENT_ORDER;
import static io.omnireturns.command.orchestration.process.ProcessRun.TIMING;
import static io.omnireturns.command.orchestration.process.ProcessRun.calledKeys;
import static io.omnireturns.command.orchestration.process.ProcessRun.commands;
import static io.omnireturns.command.orchestration.process.ProcessRun.given;
import static io.omnireturns.command.orchestration.process.ProcessRun.notice;
import static io.omnireturns.command.orchestration.process.ProcessRun.onlyCall;
import static io.omnireturns.command.orchestration.process.ReturnStory.JACKETS;
import static io.omnireturns.command.orchestration.process.ReturnStory.JEANS;
import static io.omnireturns.command.orchestration.process.ReturnStory.PAYMENT_KEY;
import static io.omnireturns.command.orchestration.process.ReturnStory.RETURN_ID;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A return a person holds (fraud review, inspection review, by hand, a step in the exception queue) waits for them,
 * and then goes on where it stopped; a return that ends (rejected, cancelled, expired) tells the customer and is done.
 */
class HoldsAndEndingsTest {

    private final ReturnStory story = ReturnStory.mailBack();

    // ---- holds ---------------------------------------------------------------------------------------------

    @Test
    void aReturnHeldForFraudReviewAsksForNothingAndWaitsForAPersonWithoutAClock() {
        ProcessRun run = given(story.upToAuthorization());

        List<ProcessAction> actions = run.when(story.fraudFlagged(), fraudReviewHold());

        assertThat(actions).isEmpty();
        assertThat(run.process().nextDue(TIMING)).isEmpty();
        assertThat(run.after(Duration.ofDays(60)).overdue()).isEmpty();
    }

    @Test
    void aFraudReviewResumedByAPersonGetsTheLabelAndTheReceiptExpiryCountsFromTheResumption() {
        ProcessRun run = given(story.upToAuthorization(), story.fraudFlagged(), fraudReviewHold())
                .after(Duration.ofDays(10));

        assertThat(calledKeys(run.when(story.holdResolved(HoldDecision.RESUME, ReturnStatus.AUTHORIZED))))
                .containsExactly(ISSUE_LABEL);
        assertThat(commands(run.after(Duration.ofDays(29)).overdue())).noneMatch(ExpireReturn.class::isInstance);
        assertThat(commands(run.after(Duration.ofDays(1)).overdue())).contains(new ExpireReturn(RETURN_ID));
    }

    @Test
    void aFraudReviewEndedByRejectionTellsTheCustomerAndThenTheProcessIsFinished() {
        ProcessRun run = given(story.upToAuthorization(), story.fraudFlagged(), fraudReviewHold());

        List<ProcessAction> actions = run.when(story.holdResolved(HoldDecision.REJECT, ReturnStatus.REJECTED));

        assertThat(calledKeys(actions)).containsExactly(notice(REJECTED));
        assertThat(run.when(story.notified(REJECTED))).isEmpty();
        assertThat(run.process().finished()).isTrue();
    }

    @Test
    void aFraudReviewEndedByCancellationTellsTheCustomerOfTheCancellationAndNothingElse() {
        List<ProcessAction> actions = given(story.upToAuthorization(), story.fraudFlagged(), fraudReviewHold())
                .when(story.holdResolved(HoldDecision.CANCEL, ReturnStatus.CANCELLED));

        assertThat(calledKeys(actions)).containsExactly(notice(CANCELLED));
        assertThat(onlyCall(actions, StepCall.Notify.class).notification().message())
                .isEqualTo("Your return has been cancelled.");
    }

    @Test
    void aReturnHeldByHandWhenTheFraudCheckClearsItGetsNoLabelUntilItIsResumed() {
        // the return refuses a label while held: a carrier label made now would be an orphan, asked for again and again
        ProcessRun run = given(story.upToAuthorization(),
                story.putOnHold(HoldReason.MANUAL, null, ReturnStatus.AUTHORIZED));

        assertThat(run.when(story.fraudCleared())).isEmpty();
        assertThat(calledKeys(run.when(story.holdResolved(HoldDecision.RESUME, ReturnStatus.AUTHORIZED))))
                .containsExactly(ISSUE_LABEL);
    }

    @Test
    void aLabelInFlightWhenTheReturnIsHeldIsNeitherRetriedNorTimedOutUntilTheHoldIsResolved() {
        ProcessRun run = given(story.upToFraudClearance());

        assertThat(run.when(story.putOnHold(HoldReason.MANUAL, null, ReturnStatus.AUTHORIZED))).isEmpty();
        assertThat(run.when(story.stepFailed(ISSUE_LABEL, "SERVER_ERROR_503", true, 1))).isEmpty();
        assertThat(run.after(Duration.ofHours(1)).overdue()).isEmpty();
        assertThat(calledKeys(run.when(story.holdResolved(HoldDecision.RESUME, ReturnStatus.AUTHORIZED))))
                .containsExactly(ISSUE_LABEL);
    }

    @Test
    void anExchangeHeldByHandOrdersNoReplacementUntilItIsResumed() {
        // the return refuses a replacement order while held, and a refused order goes to the exception queue
        ReturnStory exchange = ReturnStory.exchange();
        ProcessRun run = given(exchange.upToRefundApproval(),
                exchange.putOnHold(HoldReason.MANUAL, null, ReturnStatus.INSPECTED));

        assertThat(run.when(exchange.stepFailed(REPLACEMENT_ORDER, "SERVER_ERROR_503", true, 1))).isEmpty();
        assertThat(calledKeys(run.when(exchange.holdResolved(HoldDecision.RESUME, ReturnStatus.INSPECTED))))
                .containsExactly(REPLACEMENT_ORDER);
    }

    @Test
    void anInspectionHeldForReviewDecidesTheRefundOnlyOnceAPersonResumesIt() {
        List<InspectedLine> inspected = List.of(
                new InspectedLine(JACKETS, 2, 0, Grade.NEW, Disposition.RESTOCK, false, null),
                new InspectedLine(JEANS, 1, 0, Grade.USED, Disposition.REFURBISH, true, "is this our seam?"));
        ProcessRun run = given(story.upToReceipt());

        List<ProcessAction> held = run.when(new ReturnLinesInspected(RETURN_ID, "INSP-1", inspected),
                new ReturnInspectionCompleted(RETURN_ID, "ORD-1001", story.refundMethod(), story.refundableLines(),
                        Map.of(), true),
                story.putOnHold(HoldReason.INSPECTION_MISMATCH, ExternalSystem.WAREHOUSE, ReturnStatus.INSPECTED));

        assertThat(held).isEmpty();
        assertThat(commands(run.when(story.holdResolved(HoldDecision.RESUME, ReturnStatus.INSPECTED))))
                .singleElement().isInstanceOf(DecideRefund.class);
    }

    @Test
    void aHeldReturnWithEverySystemInStepIsCompletedOnlyOnceTheHoldIsResolved() {
        ProcessRun run = given(story.upToAllButTheRefundNotice(),
                story.putOnHold(HoldReason.MANUAL, null, ReturnStatus.REFUNDED));

        assertThat(run.when(story.notified(REFUNDED))).isEmpty();
        assertThat(run.when(story.holdResolved(HoldDecision.RESUME, ReturnStatus.REFUNDED)))
                .containsExactly(new ProcessAction.Send(ProcessTask.COMPLETION, new CompleteReturn(RETURN_ID)));
    }

    // ---- the exception queue ---------------------------------------------------------------------------------

    @Test
    void aRefundTheGatewayRefusesGoesToTheQueueWithOneCaseAndIsPaidAgainUnderItsOwnKeyWhenRetried() {
        ProcessRun run = given(story.upToRefundRequest());

        assertThat(run.when(story.stepFailed(REFUND_PAYMENT, "REJECTED_422", false, 1))).containsExactly(
                new ProcessAction.Send(REFUND_PAYMENT, new RaiseException(RETURN_ID, ProcessStep.REFUND_PAYMENT,
                        "REFUND_PAYMENT", "REJECTED_422", "REJECTED_422 on attempt 1", 1)));
        List<ProcessAction> raised = run.when(story.exceptionRaised(ProcessStep.REFUND_PAYMENT, REFUND_PAYMENT,
                "REJECTED_422", 1), story.putOnHold(HoldReason.REFUND_FAILED, ExternalSystem.PAYMENT,
                ReturnStatus.REFUND_PENDING));
        assertThat(calledKeys(raised)).containsExactly(OPEN_CASE);
        assertThat(run.when(story.caseOpened())).isEmpty();

        List<ProcessAction> retried = run.when(
                story.exceptionResolved(ProcessStep.REFUND_PAYMENT, REFUND_PAYMENT, "RETRY"),
                story.holdResolved(HoldDecision.RESUME, ReturnStatus.REFUND_PENDING));

        assertThat(calledKeys(retried)).containsExactly(REFUND_PAYMENT);
        StepCall.Refund again = onlyCall(retried, StepCall.Refund.class);
        assertThat(again.attempt()).as("the attempt after the refused one").isEqualTo(2);
        assertThat(again.instruction().idempotencyKey()).isEqualTo(PAYMENT_KEY);
    }

    @Test
    void aNoticeRetriedFromTheQueueDuringAnInspectionReviewIsSentAgainButTheRefundWaitsForTheReview() {
        // the return answers such a retry with the exception resolved alone: its review hold stays on
        List<InspectedLine> inspected = List.of(
                new InspectedLine(JACKETS, 2, 0, Grade.NEW, Disposition.RESTOCK, false, null),
                new InspectedLine(JEANS, 1, 0, Grade.USED, Disposition.REFURBISH, true, "is this our seam?"));
        ProcessRun run = given(story.upToParcelExpected(), story.itemsReceived(),
                new ReturnLinesInspected(RETURN_ID, "INSP-1", inspected),
                new ReturnInspectionCompleted(RETURN_ID, "ORD-1001", story.refundMethod(), story.refundableLines(),
                        Map.of(), true),
                story.putOnHold(HoldReason.INSPECTION_MISMATCH, ExternalSystem.WAREHOUSE, ReturnStatus.INSPECTED),
                story.stepFailed(notice(RECEIVED), "REJECTED_422", false, 1),
                story.exceptionRaised(ProcessStep.NOTIFY_CUSTOMER, notice(RECEIVED), "REJECTED_422", 1),
                story.caseOpened());

        List<ProcessAction> retried = run.when(
                story.exceptionResolved(ProcessStep.NOTIFY_CUSTOMER, notice(RECEIVED), "RETRY"));

        assertThat(calledKeys(retried)).containsExactly(notice(RECEIVED));
        assertThat(commands(retried)).noneMatch(DecideRefund.class::isInstance);
        assertThat(commands(run.when(story.notified(RECEIVED)))).noneMatch(DecideRefund.class::isInstance);
        assertThat(commands(run.when(story.holdResolved(HoldDecision.RESUME, ReturnStatus.INSPECTED))))
                .singleElement().isInstanceOf(DecideRefund.class);
    }

    @Test
    void aReturnCancelledFromTheQueueCallsItsFailedStepNoMoreChasesNoCaseAndTellsTheCustomer() {
        ProcessRun run = given(story.upToFraudClearance(), story.stepFailed(ISSUE_LABEL, "REJECTED_422", false, 1),
                story.exceptionRaised(ProcessStep.ISSUE_LABEL, ISSUE_LABEL, "REJECTED_422", 1),
                story.putOnHold(HoldReason.INTEGRATION_FAILURE, ExternalSystem.CARRIER, ReturnStatus.AUTHORIZED));

        List<ProcessAction> actions = run.when( // the CRM case still in flight
                story.exceptionResolved(ProcessStep.ISSUE_LABEL, ISSUE_LABEL, HoldDecision.CANCEL.name()),
                story.holdResolved(HoldDecision.CANCEL, ReturnStatus.CANCELLED));

        assertThat(calledKeys(actions)).containsExactly(notice(CANCELLED));
        assertThat(commands(actions)).isEmpty();
        assertThat(run.after(TIMING.lease()).overdue()).extracting(ProcessAction::servedKey)
                .containsExactly(Optional.of(notice(CANCELLED)));
    }

    // ---- endings -----------------------------------------------------------------------------------------------

    @Test
    void aReturnRejectedAtItsRequestIsToldSoAndLeavesNoDecisionToTimeOut() {
        ProcessRun run = given(story.requested());

        assertThat(calledKeys(run.when(story.rejected()))).containsExactly(notice(REJECTED));
        assertThat(run.after(TIMING.decisionTimeout().plusMinutes(1)).overdue())
                .noneMatch(ProcessAction.DecideOverdue.class::isInstance);
        assertThat(run.when(story.notified(REJECTED))).isEmpty();
        assertThat(run.process().finished()).isTrue();
    }

    @Test
    void aReturnCancelledWhileItsLabelIsAskedForDropsTheLabelAndNeverExpires() {
        ProcessRun run = given(story.upToFraudClearance());

        assertThat(calledKeys(run.when(story.cancelled()))).containsExactly(notice(CANCELLED));
        List<ProcessAction> overdue = run.after(TIMING.receiptExpiry().plusDays(1)).overdue();
        assertThat(overdue).extracting(ProcessAction::servedKey)
                .containsOnly(Optional.of(notice(CANCELLED)));
        assertThat(commands(overdue)).noneMatch(ExpireReturn.class::isInstance);
    }

    @Test
    void aReturnWhoseParcelNeverCameExpiresTellsTheCustomerAndIsThenFinished() {
        ProcessRun run = given(story.upToParcelExpected());
        assertThat(run.after(TIMING.receiptExpiry()).overdue()).contains(
                new ProcessAction.Send(ProcessTask.RECEIPT_EXPIRY, new ExpireReturn(RETURN_ID)));

        List<ProcessAction> expired = run.when(story.expired());

        assertThat(calledKeys(expired)).containsExactly(notice(EXPIRED));
        assertThat(onlyCall(expired, StepCall.Notify.class).notification().message())
                .isEqualTo("Your return has expired: we did not receive the items in time.");
        assertThat(run.when(story.notified(EXPIRED))).isEmpty();
        assertThat(run.process().finished()).isTrue();
        assertThat(run.process().nextDue(TIMING)).isEmpty();
    }

    private Object fraudReviewHold() {
        return story.putOnHold(HoldReason.FRAUD_REVIEW, ExternalSystem.FRAUD, ReturnStatus.AUTHORIZED);
    }
}
