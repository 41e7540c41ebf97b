package io.omnireturns.command.orchestration.process;

import io.omnireturns.api.returns.ExternalSystem;
import io.omnireturns.api.returns.HoldDecision;
import io.omnireturns.api.returns.HoldReason;
import io.omnireturns.api.returns.ProcessStep;
import io.omnireturns.api.returns.ReturnStatus;
import io.omnireturns.api.returns.command.DecideRefund;
import io.omnireturns.api.returns.command.ExpireReturn;
import io.omnireturns.api.returns.command.RaiseException;
import io.omnireturns.api.returns.command.RecordStepFailure;
import io.omnireturns.command.orchestration.StepCall;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.omnireturns.command.orchestration.process.Milestone.EXPIRED;
import static io.omnireturns.command.orchestration.process.Milestone.LABEL_ISSUED;
import static io.omnireturns.command.orchestration.process.Milestone.REFUNDED;
import static io.omnireturns.command.orchestration.process.ProcessRun.ISSUE_LABEL;
import static io.omnireturns.command.orchestration.process.ProcessRun.calledKeys;
import static io.omnireturns.command.orchestration.process.ProcessRun.commands;
import static io.omnireturns.command.orchestration.process.ProcessRun.delayOf;
import static io.omnireturns.command.orchestration.process.ProcessRun.given;
import static io.omnireturns.command.orchestration.process.ProcessRun.notice;
import static io.omnireturns.command.orchestration.process.ProcessRun.onlyCall;
import static io.omnireturns.command.orchestration.process.ReturnStory.NOW;
import static io.omnireturns.command.orchestration.process.ReturnStory.RETURN_ID;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the process waits for, and what it does when a wait runs out ({@code overdue}, {@code nextDue}), under
 * {@link ProcessRun#TIMING}: a 2 min lease on each step in flight, 5 min for the eligibility decision, 30 days for the
 * parcel from the return's clearance, 5 days for the gateway to settle an issued refund.
 */
class ProcessClocksTest {

    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final ProcessAction.Send LABEL_TIMED_OUT = new ProcessAction.Send(ISSUE_LABEL,
            new RecordStepFailure(RETURN_ID, ProcessStep.ISSUE_LABEL, "ISSUE_LABEL", "TIMEOUT",
                    "no answer within the lease", true, 1));
    private static final ProcessAction.Send EXPIRE = new ProcessAction.Send(ProcessTask.RECEIPT_EXPIRY,
            new ExpireReturn(RETURN_ID));
    private static final ProcessAction.Send SETTLEMENT_OVERDUE = new ProcessAction.Send(ProcessTask.REFUND_SETTLEMENT,
            new RaiseException(RETURN_ID, ProcessStep.REFUND_PAYMENT, "REFUND_SETTLEMENT", "SETTLEMENT_OVERDUE",
                    "the payment gateway has not settled the refund in time", 0));
    private static final ProcessAction DECIDE_OVERDUE = new ProcessAction.DecideOverdue(RETURN_ID);

    private final ReturnStory story = ReturnStory.mailBack();

    // ---- leases --------------------------------------------------------------------------------------------

    @Test
    void aStepInFlightHoldsALeaseFromTheMomentItStarted() {
        ProcessRun run = given(story.upToFraudClearance());

        assertThat(run.nextDue()).contains(NOW.plus(LEASE));
        assertThat(run.after(LEASE.minus(SECOND)).overdue()).isEmpty();
    }

    @Test
    void whenItsLeaseRunsOutAStepsAttemptIsRecordedAsTimedOut() {
        ProcessRun run = given(story.upToFraudClearance()).after(LEASE);

        assertThat(run.overdue()).containsExactly(LABEL_TIMED_OUT);
        assertThat(run.overdue()).as("asking changes nothing").containsExactly(LABEL_TIMED_OUT);
    }

    @Test
    void aTimedOutAttemptIsFollowedAtOnceByTheNextUnderTheSameKeyAndANewLease() {
        ProcessRun run = given(story.upToFraudClearance()).after(LEASE);

        List<ProcessAction> next = run.when(story.stepFailed(ISSUE_LABEL, "TIMEOUT", true, 1));

        StepCall.Label label = onlyCall(next, StepCall.Label.class);
        assertThat(label.attempt()).isEqualTo(2);
        assertThat(label.request().idempotencyKey()).isEqualTo(RETURN_ID + ":ISSUE_LABEL");
        assertThat(delayOf(next, ISSUE_LABEL)).as("the lease was the wait").isZero();
        assertThat(run.nextDue()).contains(NOW.plus(LEASE).plus(LEASE));
    }

    @Test
    void aRetrysLeaseRunsFromTheEndOfItsBackOff() {
        ProcessRun run = given(story.upToFraudClearance()).after(Duration.ofSeconds(30));

        run.when(story.stepFailed(ISSUE_LABEL, "SERVER_ERROR_503", true, 1));

        assertThat(run.nextDue()).contains(run.clock().plus(Duration.ofSeconds(2)).plus(LEASE));
    }

    @Test
    void aLocalCommandWhoseLeaseRanOutIsGivenAgain() {
        ProcessRun run = given(story.upToReceipt(), story.linesInspected());
        List<ProcessAction> decided = run.when(story.inspectionCompleted());
        assertThat(commands(decided)).singleElement().isInstanceOf(DecideRefund.class);

        assertThat(run.nextDue()).contains(NOW.plus(LEASE));
        assertThat(run.after(LEASE).overdue()).isEqualTo(decided);
    }

    @Test
    void anExceptionNotRecordedWithinItsLeaseIsRaisedAgain() {
        ProcessRun run = given(story.upToFraudClearance());
        List<ProcessAction> raised = List.of();
        for (int attempt = 1; attempt <= 5; attempt++) {
            raised = run.when(story.stepFailed(ISSUE_LABEL, "SERVER_ERROR_503", true, attempt));
        }
        assertThat(commands(raised)).singleElement().isInstanceOf(RaiseException.class);

        assertThat(run.nextDue()).contains(NOW.plus(LEASE));
        assertThat(run.after(LEASE).overdue()).isEqualTo(raised);
    }

    // ---- the eligibility decision ------------------------------------------------------------------------

    @Test
    void aReturnStillUndecidedAtItsDecisionTimeOutIsDecidedByTheProcess() {
        ProcessRun run = given(story.requested());

        assertThat(run.nextDue()).contains(NOW.plus(Duration.ofMinutes(5)));
        assertThat(run.after(Duration.ofMinutes(5).minus(SECOND)).overdue()).isEmpty();
        assertThat(run.after(SECOND).overdue()).containsExactly(DECIDE_OVERDUE);
    }

    @Test
    void aDecidedReturnHasNoDecisionTimeOut() {
        assertThat(given(story.upToAuthorization()).after(Duration.ofDays(1)).overdue())
                .doesNotContain(DECIDE_OVERDUE);
        assertThat(given(story.requested(), story.rejected()).after(Duration.ofDays(1)).overdue())
                .doesNotContain(DECIDE_OVERDUE);
    }

    @Test
    void aDecisionThatFailedWaitsInTheExceptionQueueWithoutAClock() {
        ProcessRun run = decisionInTheExceptionQueue();

        assertThat(run.nextDue()).isEmpty();
        assertThat(run.after(Duration.ofDays(1)).overdue()).isEmpty();
    }

    @Test
    void aDecisionRetriedFromTheQueueIsAskedOnceAndAgainOnlyWhenItsLeaseRunsOut() {
        ProcessRun run = decisionInTheExceptionQueue().after(Duration.ofHours(1));

        List<ProcessAction> retried = run.when(
                story.exceptionResolved(ProcessStep.DECIDE_ELIGIBILITY, ProcessTask.ELIGIBILITY_DECISION, "RETRY"),
                story.holdResolved(HoldDecision.RESUME, ReturnStatus.REQUESTED));

        assertThat(retried).containsExactly(DECIDE_OVERDUE);
        assertThat(run.overdue()).as("asked just now, under its lease").isEmpty();
        assertThat(run.nextDue()).contains(run.clock().plus(LEASE));
        assertThat(run.after(LEASE).overdue()).containsExactly(DECIDE_OVERDUE);
    }

    // ---- the parcel ---------------------------------------------------------------------------------------

    @Test
    void aParcelThatNeverArrivesExpiresTheReturnThirtyDaysAfterItWasCleared() {
        ProcessRun run = labelSentAnHourAfterTheRequest();

        assertThat(run.nextDue()).contains(NOW.plus(Duration.ofHours(1)).plus(Duration.ofDays(30)));
        assertThat(run.after(Duration.ofDays(30).minus(SECOND)).overdue()).isEmpty();
        assertThat(run.after(SECOND).overdue()).containsExactly(EXPIRE);
    }

    @Test
    void aParcelOnItsWayThatNeverArrivesStillExpiresTheReturn() {
        ProcessRun run = labelSentAnHourAfterTheRequest().andThen(story.parcelInTransit());

        assertThat(run.after(Duration.ofDays(30)).overdue()).containsExactly(EXPIRE);
    }

    @Test
    void anArrivedParcelStopsTheReceiptExpiry() {
        ProcessRun run = labelSentAnHourAfterTheRequest().andThen(story.itemsReceived());

        assertThat(run.after(Duration.ofDays(365)).overdue()).doesNotContain(EXPIRE);
    }

    @Test
    void anExpiredReturnTellsTheCustomerAndThenNothingIsAwaited() {
        ProcessRun run = labelSentAnHourAfterTheRequest().after(Duration.ofDays(30));

        assertThat(calledKeys(run.when(story.expired()))).containsExactly(notice(EXPIRED));
        run.andThen(story.notified(EXPIRED));
        assertThat(run.process().finished()).isTrue();
        assertThat(run.nextDue()).isEmpty();
    }

    @Test
    void aReturnHeldForFraudReviewStartsItsReceiptExpiryWhenAPersonLetsItGoOn() {
        ProcessRun run = given(story.upToAuthorization(), story.fraudFlagged(),
                story.putOnHold(HoldReason.FRAUD_REVIEW, ExternalSystem.FRAUD, ReturnStatus.AUTHORIZED));
        assertThat(run.nextDue()).isEmpty();

        run.after(Duration.ofDays(10)).andThen(story.holdResolved(HoldDecision.RESUME, ReturnStatus.AUTHORIZED),
                story.labelIssued(), story.warehouseAdvised(), story.notified(LABEL_ISSUED));

        assertThat(run.nextDue()).contains(NOW.plus(Duration.ofDays(10)).plus(Duration.ofDays(30)));
    }

    // ---- the settlement -----------------------------------------------------------------------------------

    @Test
    void aRefundNotSettledWithinTheSlaGoesToTheExceptionQueue() {
        ProcessRun run = refundIssuedAndPostedButNotSettled();

        assertThat(run.nextDue()).contains(NOW.plus(Duration.ofDays(5)));
        assertThat(run.after(Duration.ofDays(5).minus(SECOND)).overdue()).isEmpty();
        assertThat(run.after(SECOND).overdue()).containsExactly(SETTLEMENT_OVERDUE);
    }

    @Test
    void aSettledRefundHasNoSla() {
        ProcessRun run = refundIssuedAndPostedButNotSettled().andThen(story.refundSettled());

        assertThat(run.after(Duration.ofDays(30)).overdue()).doesNotContain(SETTLEMENT_OVERDUE);
    }

    @Test
    void anOverdueSettlementInTheQueueIsNotRaisedAgainAndResumingItStartsAnotherSla() {
        ProcessRun run = refundIssuedAndPostedButNotSettled().after(Duration.ofDays(5)).andThen(
                story.exceptionRaised(ProcessStep.REFUND_PAYMENT, ProcessTask.REFUND_SETTLEMENT, "SETTLEMENT_OVERDUE", 0),
                story.putOnHold(HoldReason.REFUND_FAILED, ExternalSystem.PAYMENT, ReturnStatus.REFUNDED),
                story.caseOpened());
        assertThat(run.nextDue()).isEmpty();

        run.after(Duration.ofDays(2)).andThen(
                story.exceptionResolved(ProcessStep.REFUND_PAYMENT, ProcessTask.REFUND_SETTLEMENT, "RESUME"),
                story.holdResolved(HoldDecision.RESUME, ReturnStatus.REFUNDED));

        assertThat(run.nextDue()).contains(NOW.plus(Duration.ofDays(7)).plus(Duration.ofDays(5)));
    }

    // ---- the earliest of them -----------------------------------------------------------------------------

    @Test
    void nextDueIsTheEarliestOfTheLeasesAndTheDeadlines() {
        ProcessRun run = given(story.upToAuthorization());
        run.when(story.fraudCleared());
        assertThat(run.nextDue()).as("the label's lease, not the receipt expiry").contains(NOW.plus(LEASE));

        run.after(Duration.ofMinutes(1)).when(story.labelIssued());
        assertThat(run.nextDue()).as("the advice's and the notice's").contains(NOW.plus(Duration.ofMinutes(3)));

        run.after(Duration.ofMinutes(1)).andThen(story.warehouseAdvised(), story.notified(LABEL_ISSUED));
        assertThat(run.nextDue()).contains(NOW.plus(Duration.ofDays(30)));
    }

    @Test
    void aRefundsPostingsInFlightFallDueBeforeItsSettlement() {
        ProcessRun run = given(story.upToRefundRequest()).after(Duration.ofMinutes(1));
        run.when(story.refundIssued());
        Instant issued = NOW.plus(Duration.ofMinutes(1));

        assertThat(run.nextDue()).contains(issued.plus(LEASE));
        run.andThen(story.creditMemoPosted(), story.inventoryAdjustedForEveryLine(), story.loyaltyAdjusted(),
                story.notified(REFUNDED));
        assertThat(run.nextDue()).contains(issued.plus(Duration.ofDays(5)));
    }

    @Test
    void aReturnWaitingForItsInspectionHasNoClockRunning() {
        assertThat(given(story.upToReceipt()).nextDue()).isEmpty();
    }

    // ---- stories ------------------------------------------------------------------------------------------

    /** Requested and authorized at {@link ReturnStory#NOW}, cleared an hour later; label, advice and notice done. */
    private ProcessRun labelSentAnHourAfterTheRequest() {
        return given(story.upToAuthorization()).after(Duration.ofHours(1)).andThen(story.fraudCleared(),
                story.labelIssued(), story.warehouseAdvised(), story.notified(LABEL_ISSUED));
    }

    /** Issued at {@link ReturnStory#NOW}; credit memo, stock, loyalty and the customer's notice done. */
    private ProcessRun refundIssuedAndPostedButNotSettled() {
        return given(story.upToRefundIssue(), story.creditMemoPosted(), story.inventoryAdjustedForEveryLine(),
                story.loyaltyAdjusted(), story.notified(REFUNDED));
    }

    /** Still undecided at its time-out, and deciding failed: on hold, with its exception and CRM case. */
    private ProcessRun decisionInTheExceptionQueue() {
        return given(story.requested()).after(Duration.ofMinutes(5)).andThen(
                story.exceptionRaised(ProcessStep.DECIDE_ELIGIBILITY, ProcessTask.ELIGIBILITY_DECISION,
                        "DECISION_FAILED", 1),
                story.putOnHold(HoldReason.DECISION_OVERDUE, ProcessStep.DECIDE_ELIGIBILITY.system(),
                        ReturnStatus.REQUESTED),
                story.caseOpened());
    }
}
