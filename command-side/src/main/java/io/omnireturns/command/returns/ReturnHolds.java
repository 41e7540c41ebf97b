package io.omnireturns.command.returns;

import io.omnireturns.api.returns.ExternalSystem;
import io.omnireturns.api.returns.HoldDecision;
import io.omnireturns.api.returns.HoldReason;
import io.omnireturns.api.returns.InspectedLine;
import io.omnireturns.api.returns.ProcessStep;
import io.omnireturns.api.returns.ReturnStatus;
import io.omnireturns.api.returns.command.PutReturnOnHold;
import io.omnireturns.api.returns.command.RaiseException;
import io.omnireturns.api.returns.command.RecordCaseOpened;
import io.omnireturns.api.returns.command.RecordFraudAssessment;
import io.omnireturns.api.returns.command.ResolveHold;
import io.omnireturns.api.returns.command.RetryException;
import io.omnireturns.api.returns.event.CaseOpened;
import io.omnireturns.api.returns.event.ExceptionRaised;
import io.omnireturns.api.returns.event.ExceptionResolved;
import io.omnireturns.api.returns.event.FraudAssessed;
import io.omnireturns.api.returns.event.ReturnHoldResolved;
import io.omnireturns.api.returns.event.ReturnItemsReceived;
import io.omnireturns.api.returns.event.ReturnLinesInspected;
import io.omnireturns.api.returns.event.ReturnPutOnHold;
import io.omnireturns.platform.architecture.PlainJava;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static io.omnireturns.command.returns.ReturnErrors.*;
import static io.omnireturns.command.returns.ReturnLifecycle.requireNotTerminal;

/**
 * The return's rules about holds and exceptions, apart from its state: what puts it on hold (a person, a failed step,
 * a fraud score, a wrong item, a line for review), where a resolution leads, and what a retry or a case records.
 * A retry resumes only a hold a failed step put on; a hold for a person (fraud or inspection review, by hand) stays
 * until a person resolves it, whatever was retried meanwhile. Each decision answers the events to apply or refuses
 * with a stable code; none changes anything.
 */
@PlainJava
final class ReturnHolds {

    /** The reasons {@link #raise} holds a return for ({@link #reasonOf}): only these holds a retry may resume. */
    private static final Set<HoldReason> FAILED_STEP_REASONS = EnumSet.of(HoldReason.REFUND_FAILED,
            HoldReason.POSTING_FAILED, HoldReason.DECISION_OVERDUE, HoldReason.INTEGRATION_FAILURE);

    private ReturnHolds() {
    }

    static List<Object> putOnHold(PutReturnOnHold command, ReturnState state) {
        requireNotTerminal(state, "put on hold");
        if (state.status == ReturnStatus.ON_HOLD) {
            throw illegalState(RETURN_ALREADY_ON_HOLD, "the return is already on hold");
        }
        return List.of(new ReturnPutOnHold(state.returnId, command.reason(), command.system(), command.detail(),
                state.status));
    }

    /** Resolving a hold resolves every open exception with it. */
    static List<Object> resolve(ResolveHold command, ReturnState state) {
        if (state.status != ReturnStatus.ON_HOLD) {
            throw illegalState(RETURN_NOT_ON_HOLD, "the return is " + state.status + ", not on hold");
        }
        if (command.reason() == null || command.reason().isBlank()) {
            throw invalid(REASON_REQUIRED, "resolving a hold needs a reason");
        }
        ReturnStatus resumedAs = resumedAs(command.decision(), state.heldFrom, ReturnLifecycle.endableWhileHeld(state));
        List<Object> events = resolveOpenExceptions(state, command.decision().name(), command.resolvedBy());
        events.add(new ReturnHoldResolved(state.returnId, state.orderId, command.decision(), command.reason(),
                command.resolvedBy(), resumedAs));
        return events;
    }

    /**
     * A retried exception is resolved; a hold that was waiting only for it resumes. A hold for a person's review
     * (fraud, inspection, by hand) is not waiting for a step: an exception raised during it leaves it on.
     */
    static List<Object> retry(RetryException command, ReturnState state) {
        ExceptionRaised open = state.openExceptions.get(command.exceptionId());
        if (open == null) {
            throw illegalState(EXCEPTION_NOT_OPEN, "exception " + command.exceptionId() + " is not open on this return");
        }
        ExceptionResolved resolved = new ExceptionResolved(state.returnId, command.exceptionId(), open.step(),
                open.stepKey(), "RETRY", command.requestedBy());
        boolean lastOpenOne = state.openExceptions.size() == 1;
        boolean heldForAFailedStep = FAILED_STEP_REASONS.contains(state.holdReason);
        if (state.status != ReturnStatus.ON_HOLD || !lastOpenOne || !heldForAFailedStep) {
            return List.of(resolved);
        }
        return List.of(resolved, new ReturnHoldResolved(state.returnId, state.orderId, HoldDecision.RESUME,
                "retry of " + open.stepKey(), command.requestedBy(), state.heldFrom));
    }

    /** A step that exhausted its retries raises an exception, and holds the return unless it is held or over. */
    static List<Object> raise(RaiseException command, ReturnState state) {
        if (command.step() == ProcessStep.DECIDE_ELIGIBILITY
                && (state.eligibilityDecided || state.status != ReturnStatus.REQUESTED)) {
            return List.of(); // decided (or withdrawn) meanwhile: nothing is overdue any more
        }
        String exceptionId = "EX-" + state.returnId + "-" + (state.exceptionsRaised + 1);
        ExceptionRaised raised = new ExceptionRaised(state.returnId, exceptionId, command.step(), command.stepKey(),
                command.step().system(), command.failureCode(), command.message(), command.attempts());
        if (state.status.isTerminal() || state.status == ReturnStatus.ON_HOLD) {
            return List.of(raised);
        }
        return List.of(raised, new ReturnPutOnHold(state.returnId, reasonOf(command.step()), command.step().system(),
                command.step() + " failed: " + command.failureCode() + ": " + command.message(), state.status));
    }

    static List<Object> caseOpened(RecordCaseOpened command, ReturnState state) {
        if (state.casesOpenedFor.contains(command.exceptionId())) {
            return List.of();
        }
        return List.of(new CaseOpened(state.returnId, command.exceptionId(), command.caseId()));
    }

    /** The score is recorded once; one that asks for review holds the return unless it is held already. */
    static List<Object> fraudAssessed(RecordFraudAssessment command, ReturnState state) {
        if (state.fraudAssessed) {
            return List.of();
        }
        // the score may come back after a store return already moved on at the counter: it is recorded anyway
        requireNotTerminal(state, "assess fraud of");
        FraudAssessed assessed = new FraudAssessed(state.returnId, command.score(), command.reviewRequired(),
                command.signals());
        if (!command.reviewRequired() || state.status == ReturnStatus.ON_HOLD) {
            return List.of(assessed);
        }
        return List.of(assessed, new ReturnPutOnHold(state.returnId, HoldReason.FRAUD_REVIEW, ExternalSystem.FRAUD,
                "fraud score " + command.score() + ": " + String.join(", ", command.signals()), state.status));
    }

    /** Once a receipt is applied: wrong items hold the return where the receipt left it. */
    static List<Object> forWrongItems(ReturnItemsReceived receipt, ReturnStatus leftIn) {
        if (receipt.wrongItemLineIds().isEmpty()) {
            return List.of();
        }
        return List.of(new ReturnPutOnHold(receipt.returnId(), HoldReason.INSPECTION_MISMATCH,
                ExternalSystem.WAREHOUSE, "wrong item received for line(s) "
                + String.join(", ", receipt.wrongItemLineIds()), leftIn));
    }

    /** Once an inspection (and its completion) is applied: lines asking for review hold the return where it is. */
    static List<Object> forManualReview(ReturnLinesInspected inspection, ReturnStatus leftIn) {
        List<String> forReview = inspection.lines().stream()
                .filter(InspectedLine::needsManualReview).map(InspectedLine::orderLineId).toList();
        if (forReview.isEmpty()) {
            return List.of();
        }
        return List.of(new ReturnPutOnHold(inspection.returnId(), HoldReason.INSPECTION_MISMATCH,
                ExternalSystem.WAREHOUSE, "manual review requested for line(s) " + String.join(", ", forReview),
                leftIn));
    }

    /** Every open exception, resolved the same way; a list the caller may add to. */
    static List<Object> resolveOpenExceptions(ReturnState state, String resolution, String resolvedBy) {
        List<Object> events = new ArrayList<>();
        for (ExceptionRaised open : state.openExceptions.values()) {
            events.add(new ExceptionResolved(state.returnId, open.exceptionId(), open.step(), open.stepKey(),
                    resolution, resolvedBy));
        }
        return events;
    }

    /** Why a step that exhausted its retries holds the return. */
    private static HoldReason reasonOf(ProcessStep step) {
        return switch (step) {
            case REFUND_PAYMENT -> HoldReason.REFUND_FAILED;
            case POST_CREDIT_MEMO, CLAWBACK_MEMO, ADJUST_INVENTORY -> HoldReason.POSTING_FAILED;
            case DECIDE_ELIGIBILITY -> HoldReason.DECISION_OVERDUE;
            default -> HoldReason.INTEGRATION_FAILURE;
        };
    }

    /**
     * The status a resolution leads to: back where the return stopped, or ended. Rejecting or cancelling is refused
     * once anything was received ({@code endable} false).
     */
    private static ReturnStatus resumedAs(HoldDecision decision, ReturnStatus heldFrom, boolean endable) {
        if (decision != HoldDecision.RESUME && !endable) {
            throw rule(HOLD_DECISION_NOT_ALLOWED, decision + " is only possible before anything was received");
        }
        return switch (decision) {
            case RESUME -> heldFrom;
            case REJECT -> ReturnStatus.REJECTED;
            case CANCEL -> ReturnStatus.CANCELLED;
        };
    }
}
