package io.omnireturns.command.orchestration.process;

import io.omnireturns.api.returns.HoldDecision;
import io.omnireturns.api.returns.HoldReason;
import io.omnireturns.api.returns.ProcessStep;
import io.omnireturns.api.returns.ReturnStatus;
import io.omnireturns.api.returns.command.RaiseException;
import io.omnireturns.command.connectors.payments.RefundInstruction;
import io.omnireturns.command.orchestration.StepCall;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.omnireturns.command.orchestration.process.Milestone.LABEL_ISSUED;
import static io.omnireturns.command.orchestration.process.ProcessRun.ADVISE_WAREHOUSE;
import static io.omnireturns.command.orchestration.process.ProcessRun.ISSUE_LABEL;
import static io.omnireturns.command.orchestration.process.ProcessRun.OPEN_CASE;
import static io.omnireturns.command.orchestration.process.ProcessRun.REFUND_PAYMENT;
import static io.omnireturns.command.orchestration.process.ProcessRun.calledKeys;
import static io.omnireturns.command.orchestration.process.ProcessRun.calls;
import static io.omnireturns.command.orchestration.process.ProcessRun.commands;
import static io.omnireturns.command.orchestration.process.ProcessRun.delayOf;
import static io.omnireturns.command.orchestration.process.ProcessRun.given;
import static io.omnireturns.command.orchestration.process.ProcessRun.notice;
import static io.omnireturns.command.orchestration.process.ProcessRun.onlyCall;
import static io.omnireturns.command.orchestration.process.ReturnStory.PAYMENT_KEY;
import static io.omnireturns.command.orchestration.process.ReturnStory.RETURN_ID;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The process is the one owner of a step's retries ({@link StepBook}): it numbers the attempts, spaces them by the
 * back-off of {@link ProcessRun#TIMING} (2 s, doubling), keeps the step's idempotency key on each, and after the fifth
 * (or a failure no attempt will cure) raises one exception, until a person sends the step round again. The
 * connector's part, one remote call per attempt and no retry of its own ({@code ConnectorHttp#callOnce}), is proved
 * for every HTTP adapter by {@code HttpConnectorContract}.
 */
class StepRetryTest {

    private static final String SERVER_ERROR = "SERVER_ERROR_503";
    private static final String LABEL_KEY = RETURN_ID + ":ISSUE_LABEL";

    private final ReturnStory story = ReturnStory.mailBack();

    @Test
    void aFailedStepIsTriedAgainAfterTheFirstBackOffAsItsSecondAttempt() {
        List<ProcessAction> retry = labelFails(labelInFlight(), 1);

        assertThat(onlyCall(retry, StepCall.Label.class).attempt()).isEqualTo(2);
        assertThat(callActionOf(retry).retry()).as("the system's own retry").isTrue();
        assertThat(delayOf(retry, ISSUE_LABEL)).isEqualTo(Duration.ofSeconds(2));
        assertThat(commands(retry)).isEmpty();
    }

    @Test
    void eachRetryWaitsTwiceAsLongAsTheOneBefore() {
        ProcessRun run = labelInFlight();
        List<Duration> waits = new ArrayList<>();
        for (int attempt = 1; attempt <= 4; attempt++) {
            waits.add(delayOf(labelFails(run, attempt), ISSUE_LABEL));
        }

        assertThat(waits).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8),
                Duration.ofSeconds(16));
    }

    @Test
    void theWaitStopsGrowingAtTheLongestBackOff() {
        ProcessTiming capped = new ProcessTiming(6, Duration.ofSeconds(2), Duration.ofSeconds(5),
                Duration.ofMinutes(2), Duration.ofDays(30), Duration.ofDays(5), Duration.ofMinutes(5));
        ProcessRun run = new ProcessRun().timedBy(capped).andThen(story.upToFraudClearance());
        List<Duration> waits = new ArrayList<>();
        for (int attempt = 1; attempt <= 5; attempt++) {
            waits.add(delayOf(labelFails(run, attempt), ISSUE_LABEL));
        }

        assertThat(waits).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(5),
                Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    @Test
    void everyAttemptOfAStepIsOneCallUnderTheStepsOneIdempotencyKey() {
        ProcessRun run = given(story.upToAuthorization());
        List<StepCall.Label> attempts = new ArrayList<>();
        attempts.add(onlyCall(run.when(story.fraudCleared()), StepCall.Label.class));
        for (int attempt = 1; attempt <= 4; attempt++) {
            attempts.add(onlyCall(labelFails(run, attempt), StepCall.Label.class));
        }

        assertThat(attempts).extracting(StepCall::attempt).containsExactly(1, 2, 3, 4, 5);
        assertThat(attempts).extracting(label -> label.request().idempotencyKey()).containsOnly(LABEL_KEY);
        assertThat(attempts).extracting(StepCall::idempotencyKey).containsOnly(LABEL_KEY);
    }

    @Test
    void aRetriedRefundSendsTheGatewayTheSameInstructionUnderThePaymentKey() {
        ProcessRun run = given(story.upToRefundApproval());
        RefundInstruction first = onlyCall(run.when(story.refundRequested()), StepCall.Refund.class).instruction();

        StepCall.Refund retry = onlyCall(run.when(story.stepFailed(REFUND_PAYMENT, "UNREACHABLE", true, 1)),
                StepCall.Refund.class);

        assertThat(retry.attempt()).isEqualTo(2);
        assertThat(retry.instruction()).isEqualTo(first);
        assertThat(first.idempotencyKey()).isEqualTo(PAYMENT_KEY);
    }

    @Test
    void afterTheLastAttemptFailsTheStepIsRaisedToTheExceptionQueueWithItsLastFailure() {
        ProcessRun run = labelInFlight();
        for (int attempt = 1; attempt <= 4; attempt++) {
            labelFails(run, attempt);
        }

        List<ProcessAction> fifthFailed = labelFails(run, 5);

        assertThat(fifthFailed).containsExactly(new ProcessAction.Send(ISSUE_LABEL, new RaiseException(RETURN_ID,
                ProcessStep.ISSUE_LABEL, "ISSUE_LABEL", SERVER_ERROR, SERVER_ERROR + " on attempt 5", 5)));
    }

    @Test
    void aFailureNoAttemptWillCureIsRaisedAtOnce() {
        List<ProcessAction> refused = labelInFlight()
                .when(story.stepFailed(ISSUE_LABEL, "REJECTED_422", false, 1));

        assertThat(refused).containsExactly(new ProcessAction.Send(ISSUE_LABEL, new RaiseException(RETURN_ID,
                ProcessStep.ISSUE_LABEL, "ISSUE_LABEL", "REJECTED_422", "REJECTED_422 on attempt 1", 1)));
    }

    @Test
    void theLastAttemptReportedTwiceRaisesOneException() {
        ProcessRun run = labelInFlight();
        for (int attempt = 1; attempt <= 5; attempt++) {
            labelFails(run, attempt);
        }

        // the sweeper's time-out of the fifth attempt, after the call's own failure was recorded
        assertThat(run.when(story.stepFailed(ISSUE_LABEL, "TIMEOUT", true, 5))).isEmpty();
        assertThat(run.overdue()).isEmpty();
    }

    @Test
    void aStepInTheExceptionQueueIsNeitherCalledNorRaisedAgain() {
        ProcessRun run = labelInTheExceptionQueue();

        assertThat(run.when(story.stepFailed(ISSUE_LABEL, SERVER_ERROR, true, 5))).isEmpty();
        assertThat(run.after(Duration.ofDays(1)).overdue()).isEmpty();
        assertThat(run.nextDue()).as("nothing awaited but the receipt expiry")
                .contains(ReturnStory.NOW.plus(Duration.ofDays(30)));
    }

    @Test
    void theCallsOwnFailureAndTheSweepersTimeOutOfOneAttemptMakeOneRetry() {
        List<ProcessAction> retry = labelInFlight().when(story.stepFailed(ISSUE_LABEL, SERVER_ERROR, true, 1),
                story.stepFailed(ISSUE_LABEL, "TIMEOUT", true, 1));

        assertThat(calls(retry)).singleElement().extracting(StepCall::attempt).isEqualTo(2);
        assertThat(delayOf(retry, ISSUE_LABEL)).as("the first report counts").isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aFailureReportedForAnEarlierAttemptStartsNothing() {
        ProcessRun run = labelInFlight();
        labelFails(run, 1);

        assertThat(run.when(story.stepFailed(ISSUE_LABEL, "TIMEOUT", true, 1))).isEmpty();
        assertThat(labelFails(run, 1)).isEmpty();

        List<ProcessAction> third = labelFails(run, 2);
        assertThat(onlyCall(third, StepCall.Label.class).attempt()).as("the count goes on from the attempt in flight")
                .isEqualTo(3);
        assertThat(delayOf(third, ISSUE_LABEL)).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void aLabelIssuedByAnEarlierAttemptEndsTheStepAndItsAttemptInFlight() {
        ProcessRun run = labelInFlight();
        labelFails(run, 1);

        List<ProcessAction> issued = run.when(story.labelIssued());

        assertThat(calledKeys(issued)).containsExactlyInAnyOrder(ADVISE_WAREHOUSE, notice(LABEL_ISSUED));
        assertThat(labelFails(run, 2)).isEmpty();
        assertThat(run.after(Duration.ofMinutes(3)).overdue()).extracting(ProcessAction::servedKey)
                .doesNotContain(Optional.of(ISSUE_LABEL));
    }

    @Test
    void aStepRetriedFromTheExceptionQueueRunsAgainUnderTheSameKeyNumberingItsAttemptsOn() {
        ProcessRun run = labelInTheExceptionQueue();

        List<ProcessAction> retried = run.when(story.exceptionResolved(ProcessStep.ISSUE_LABEL, ISSUE_LABEL, "RETRY"),
                story.holdResolved(HoldDecision.RESUME, ReturnStatus.AUTHORIZED));

        StepCall.Label label = onlyCall(retried, StepCall.Label.class);
        assertThat(label.attempt()).as("the attempt after the five of the first round").isEqualTo(6);
        assertThat(callActionOf(retried).retry()).as("made for the person who retried it, not by the system")
                .isFalse();
        assertThat(label.request().idempotencyKey()).isEqualTo(LABEL_KEY);
        assertThat(delayOf(retried, ISSUE_LABEL)).isZero();
        List<ProcessAction> second = labelFails(run, 6);
        assertThat(onlyCall(second, StepCall.Label.class).attempt()).isEqualTo(7);
        assertThat(callActionOf(second).retry()).isTrue();
        assertThat(delayOf(second, ISSUE_LABEL)).as("a new round backs off from the start")
                .isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aRoundRunAgainHasItsOwnFiveAttemptsBeforeTheStepIsRaisedAgain() {
        ProcessRun run = labelInTheExceptionQueue();
        run.when(story.exceptionResolved(ProcessStep.ISSUE_LABEL, ISSUE_LABEL, "RETRY"),
                story.holdResolved(HoldDecision.RESUME, ReturnStatus.AUTHORIZED));

        for (int attempt = 6; attempt <= 9; attempt++) {
            assertThat(commands(labelFails(run, attempt))).isEmpty();
        }
        assertThat(commands(labelFails(run, 10))).singleElement().isInstanceOfSatisfying(RaiseException.class,
                raise -> assertThat(raise.attempts()).as("the attempts of this round").isEqualTo(5));
    }

    @Test
    void anExceptionOfTheSecondRoundNotRecordedWithinItsLeaseIsRaisedAgainAsTheSameCommand() {
        ProcessRun run = labelInTheExceptionQueue();
        run.when(story.exceptionResolved(ProcessStep.ISSUE_LABEL, ISSUE_LABEL, "RETRY"),
                story.holdResolved(HoldDecision.RESUME, ReturnStatus.AUTHORIZED));
        List<ProcessAction> raised = List.of();
        for (int attempt = 6; attempt <= 10; attempt++) {
            raised = labelFails(run, attempt);
        }
        assertThat(commands(raised)).singleElement().isInstanceOf(RaiseException.class);

        assertThat(run.after(Duration.ofMinutes(3)).overdue()).isEqualTo(raised);
    }

    @Test
    void aLateFailureReportOfTheFirstRoundDoesNotCountForTheRoundRunAgain() {
        ProcessRun run = labelInTheExceptionQueue();
        run.when(story.exceptionResolved(ProcessStep.ISSUE_LABEL, ISSUE_LABEL, "RETRY"),
                story.holdResolved(HoldDecision.RESUME, ReturnStatus.AUTHORIZED));

        assertThat(labelFails(run, 1)).as("attempt 1 of the first round, reported late").isEmpty();
        assertThat(labelFails(run, 5)).isEmpty();
        assertThat(onlyCall(labelFails(run, 6), StepCall.Label.class).attempt()).isEqualTo(7);
    }

    @Test
    void aHoldResumedByAPersonRunsTheStepAgain() {
        ProcessRun run = labelInTheExceptionQueue();

        List<ProcessAction> resumed = run.when(story.exceptionResolved(ProcessStep.ISSUE_LABEL, ISSUE_LABEL, "RESUME"),
                story.holdResolved(HoldDecision.RESUME, ReturnStatus.AUTHORIZED));

        assertThat(onlyCall(resumed, StepCall.Label.class).attempt()).isEqualTo(6);
    }

    @Test
    void aCaseTheCrmKeepsRefusingIsGivenUpWithoutRaisingAnotherException() {
        ProcessRun run = labelInFlight();
        for (int attempt = 1; attempt <= 5; attempt++) {
            labelFails(run, attempt);
        }
        List<ProcessAction> raised = run.when(story.exceptionRaised(ProcessStep.ISSUE_LABEL, ISSUE_LABEL,
                SERVER_ERROR, 5));
        assertThat(calledKeys(raised)).containsExactly(OPEN_CASE);

        List<ProcessAction> lastCaseFailure = List.of();
        for (int attempt = 1; attempt <= 5; attempt++) {
            lastCaseFailure = run.when(story.stepFailed(OPEN_CASE, SERVER_ERROR, true, attempt));
        }

        assertThat(lastCaseFailure).isEmpty();
        assertThat(run.after(Duration.ofDays(1)).overdue()).isEmpty();
    }

    // ---- the label's story ------------------------------------------------------------------------------

    /** Cleared of fraud at {@link ReturnStory#NOW}: the label's first attempt is in flight. */
    private static ProcessAction.Call callActionOf(List<ProcessAction> actions) {
        return actions.stream().filter(ProcessAction.Call.class::isInstance).map(ProcessAction.Call.class::cast)
                .findFirst().orElseThrow();
    }

    private ProcessRun labelInFlight() {
        return given(story.upToFraudClearance());
    }

    private List<ProcessAction> labelFails(ProcessRun run, int attempt) {
        return run.when(story.stepFailed(ISSUE_LABEL, SERVER_ERROR, true, attempt));
    }

    /** Five failed attempts; the return raised the exception, went on hold and has its CRM case. */
    private ProcessRun labelInTheExceptionQueue() {
        ProcessRun run = labelInFlight();
        for (int attempt = 1; attempt <= 5; attempt++) {
            labelFails(run, attempt);
        }
        return run.andThen(story.exceptionRaised(ProcessStep.ISSUE_LABEL, ISSUE_LABEL, SERVER_ERROR, 5),
                story.putOnHold(HoldReason.INTEGRATION_FAILURE, ProcessStep.ISSUE_LABEL.system(),
                        ReturnStatus.AUTHORIZED),
                story.caseOpened());
    }
}
