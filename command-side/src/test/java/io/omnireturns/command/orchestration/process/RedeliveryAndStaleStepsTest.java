package io.omnireturns.command.orchestration.process;

import io.omnireturns.command.orchestration.StepCall;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static io.omnireturns.command.orchestration.process.Milestone.COMPLETED;
import static io.omnireturns.command.orchestration.process.Milestone.RECEIVED;
import static io.omnireturns.command.orchestration.process.Milestone.REFUNDED;
import static io.omnireturns.command.orchestration.process.ProcessRun.ADVISE_WAREHOUSE;
import static io.omnireturns.command.orchestration.process.ProcessRun.ISSUE_LABEL;
import static io.omnireturns.command.orchestration.process.ProcessRun.POST_CREDIT_MEMO;
import static io.omnireturns.command.orchestration.process.ProcessRun.REVERSE_LOYALTY;
import static io.omnireturns.command.orchestration.process.ProcessRun.TIMING;
import static io.omnireturns.command.orchestration.process.ProcessRun.calledKeys;
import static io.omnireturns.command.orchestration.process.ProcessRun.callsOf;
import static io.omnireturns.command.orchestration.process.ProcessRun.given;
import static io.omnireturns.command.orchestration.process.ProcessRun.inventory;
import static io.omnireturns.command.orchestration.process.ProcessRun.notice;
import static io.omnireturns.command.orchestration.process.ProcessRun.onlyCall;
import static io.omnireturns.command.orchestration.process.ReturnStory.JACKETS;
import static io.omnireturns.command.orchestration.process.ReturnStory.JEANS;
import static io.omnireturns.command.orchestration.process.ReturnStory.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Events come again (a redelivered batch, a stolen claim, a rebuild that overlaps) and outcomes come late (a failure
 * of an earlier attempt, a time-out the sweeper recorded, a label after the parcel moved): none of them starts a step
 * twice, and a step the return no longer wants is not called again.
 */
class RedeliveryAndStaleStepsTest {

    private final ReturnStory story = ReturnStory.mailBack();

    // ---- the same events again ---------------------------------------------------------------------------------

    @Test
    void everyEventDeliveredAgainStartsNothingAndLeavesTheSameStepsWanted() {
        ProcessRun run = given(story.upToRefundRequest());
        assertThat(calledKeys(run.when(story.refundIssued()))).containsExactlyInAnyOrder(POST_CREDIT_MEMO,
                inventory(JACKETS), inventory(JEANS), REVERSE_LOYALTY, notice(REFUNDED));
        Set<ProcessKey> wanted = run.process().wantedKeys();
        long lastSequence = run.process().lastSequence();

        assertThat(run.redeliverEverything()).isEmpty();
        assertThat(run.process().wantedKeys()).isEqualTo(wanted);
        assertThat(run.process().lastSequence()).isEqualTo(lastSequence);
    }

    @Test
    void aRedeliveryLaterOnDoesNotStretchTheLeasesOfTheStepsInFlight() {
        ProcessRun run = given(story.upToRefundRequest());
        run.when(story.refundIssued());
        Optional<Instant> due = run.process().nextDue(TIMING);
        assertThat(due).contains(NOW.plus(TIMING.lease()));

        assertThat(run.after(Duration.ofSeconds(90)).redeliverEverything()).isEmpty();

        assertThat(run.process().nextDue(TIMING)).isEqualTo(due);
    }

    @Test
    void anOutcomeFoldedASecondTimeStartsNoneOfTheStepsItStartedTheFirstTime() {
        ProcessRun run = given(story.upToRefundRequest());
        assertThat(run.when(story.refundIssued())).hasSize(5);

        assertThat(run.when(story.refundIssued())).isEmpty();
    }

    @Test
    void aReceiptFoldedTwiceIsCountedOnceInTheStockItMoves() {
        List<ProcessAction> actions = given(story.upToReceipt(), story.itemsReceived(), story.linesInspected(),
                story.inspectionCompleted(), story.refundApproved(), story.refundRequested())
                .when(story.refundIssued());

        assertThat(callsOf(actions, StepCall.Inventory.class))
                .extracting(call -> call.request().orderLineId(), call -> call.request().quantity())
                .containsExactlyInAnyOrder(tuple(JACKETS, 2),
                        tuple(JEANS, 1));
    }

    // ---- outcomes that come late ----------------------------------------------------------------------------------

    @Test
    void aLateFailureReportOfAnEarlierAttemptStartsNoExtraAttempt() {
        ProcessRun run = given(story.upToFraudClearance());
        assertThat(onlyCall(run.when(story.stepFailed(ISSUE_LABEL, "SERVER_ERROR_503", true, 1)),
                StepCall.Label.class).attempt()).isEqualTo(2);

        assertThat(run.when(story.stepFailed(ISSUE_LABEL, "TIMEOUT", true, 1))).isEmpty();

        assertThat(onlyCall(run.when(story.stepFailed(ISSUE_LABEL, "SERVER_ERROR_503", true, 2)),
                StepCall.Label.class).attempt()).isEqualTo(3);
    }

    @Test
    void aFailureReportedForTheLabelAfterTheParcelMovedCallsTheCarrierNoMore() {
        ProcessRun run = given(story.upToFraudClearance());
        assertThat(calledKeys(run.when(story.parcelInTransit()))).containsExactly(ADVISE_WAREHOUSE);

        assertThat(run.when(story.stepFailed(ISSUE_LABEL, "TIMEOUT", true, 1))).isEmpty();
    }

    @Test
    void onceTheParcelIsInTransitTheLabelsLeaseRunsOutWithoutAnyoneCallingTheCarrierAgain() {
        ProcessRun run = given(story.upToFraudClearance()); // the label is asked for now
        run.after(Duration.ofSeconds(30)).when(story.parcelInTransit());

        assertThat(run.after(TIMING.lease().minusSeconds(30)).overdue()).isEmpty(); // the label's lease is out
        assertThat(run.process().nextDue(TIMING)).contains(NOW.plusSeconds(30).plus(TIMING.lease())); // the advice's
    }

    @Test
    void aParcelThatArrivesWhileItsLabelIsAskedForIsAcknowledgedAndNeedsNoLabelOrAdvice() {
        ProcessRun run = given(story.upToFraudClearance());

        assertThat(calledKeys(run.when(story.itemsReceived()))).containsExactly(notice(RECEIVED));
        assertThat(run.after(TIMING.lease()).overdue()).extracting(ProcessAction::servedKey)
                .containsExactly(Optional.of(notice(RECEIVED)));
    }

    @Test
    void aLabelRecordedAfterTheParcelMovedSendsTheCustomerNoLabel() {
        ProcessRun run = given(story.upToFraudClearance(), story.parcelInTransit());

        assertThat(run.when(story.labelIssued())).isEmpty();
    }

    @Test
    void aFinishedReturnStartsNothingWhateverArrivesLate() {
        ProcessRun run = given(story.upToCompletion(), story.notified(COMPLETED));

        assertThat(run.when(story.stepFailed(POST_CREDIT_MEMO, "TIMEOUT", true, 1), story.notified(REFUNDED),
                story.itemsReceived())).isEmpty();
        assertThat(run.process().finished()).isTrue();
        assertThat(run.after(Duration.ofDays(60)).overdue()).isEmpty();
    }
}
