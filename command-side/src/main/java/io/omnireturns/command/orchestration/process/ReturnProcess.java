package io.omnireturns.command.orchestration.process;

import io.omnireturns.api.error.FailureCode;
import io.omnireturns.api.returns.HoldDecision;
import io.omnireturns.api.returns.ProcessStep;
import io.omnireturns.api.returns.command.ExpireReturn;
import io.omnireturns.api.returns.command.RaiseException;
import io.omnireturns.api.returns.command.RecordStepFailure;
import io.omnireturns.api.returns.event.ExceptionRaised;
import io.omnireturns.api.returns.event.ExceptionResolved;
import io.omnireturns.api.returns.event.StepAttemptFailed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One return's process: what has happened to the return, folded from the return's own events, and the bookkeeping
 * of its steps (attempt, lease, escalated). Pure domain code: no Axon, no Spring, no clock of its own; the engine
 * stores it as JSON (storage object mapper, fields), one row per return, and can rebuild it from the return's event
 * stream whenever no row exists (returns started under the old saga, a lost row).
 * <p>
 * It composes three parts: {@link ReturnFacts} (the fold), {@link ReturnFlow} (what the return wants given its
 * facts) and {@link StepBook} (attempts, leases, escalations); {@link StepCalls} builds the remote calls.
 */
public final class ReturnProcess {

    private String returnId;
    private long lastSequence = -1;
    private final ReturnFacts facts = new ReturnFacts();
    private final StepBook book = new StepBook();

    ReturnProcess() {
        // for the storage mapper
    }

    public static ReturnProcess of(String returnId) {
        ReturnProcess process = new ReturnProcess();
        process.returnId = returnId;
        process.facts.returnId = returnId;
        return process;
    }

    public String returnId() {
        return returnId;
    }

    /** The sequence number of the last of the return's events folded in. */
    public long lastSequence() {
        return lastSequence;
    }

    /**
     * Folds one of the return's events (its payload). An event at or below {@link #lastSequence()} is ignored, so a
     * redelivered batch or a rebuild that overlaps what is stored changes nothing.
     */
    public void apply(Object event, long sequenceNumber, Instant occurredAt) {
        if (sequenceNumber <= lastSequence) {
            return;
        }
        lastSequence = sequenceNumber;
        facts.apply(event, occurredAt);
        if (event instanceof StepAttemptFailed failed) {
            book.failed(failed);
        } else if (event instanceof ExceptionRaised raised) {
            book.escalated(raised.stepKey());
        } else if (event instanceof ExceptionResolved resolved && runsAgain(resolved)) {
            book.runAgain(resolved.stepKey());
        }
    }

    /** Retried from the exception queue, or resumed by a person: the step runs again, under the same key. */
    static boolean runsAgain(ExceptionResolved resolved) {
        return "RETRY".equals(resolved.resolution()) || HoldDecision.RESUME.name().equals(resolved.resolution());
    }

    /**
     * The steps and tasks the flow wants given the facts so far, whether started or not; nothing is changed. The engine
     * compares it before and after an event to know which event made a step wanted (its trace and actor go with it).
     */
    public Set<ProcessKey> wantedKeys() {
        Set<ProcessKey> keys = new HashSet<>();
        ReturnFlow.wanted(facts).forEach(want -> keys.add(want.key()));
        return keys;
    }

    /**
     * What to do now, given everything folded in: steps to start (or retry) and commands to send. The steps returned
     * are marked started, with their lease running from {@code now}; a step in flight that the return no longer needs
     * (a label once the parcel is received) is forgotten and not called again. Call it once after applying a batch.
     */
    public List<ProcessAction> next(Instant now, ProcessTiming timing) {
        List<ReturnFlow.Want> wanted = ReturnFlow.wanted(facts);
        book.keepOnly(wanted.stream().map(ReturnFlow.Want::key).toList());
        List<ProcessAction> actions = new ArrayList<>();
        for (ReturnFlow.Want want : wanted) {
            book.move(want.key(), want.remote(), now, timing).ifPresent(move -> {
                if (move instanceof StepBook.Move.Start start) {
                    actions.add(want.remote()
                            ? new ProcessAction.Call(StepCalls.callFor((StepKey) want.key(), start.attempt(), facts),
                            start.delay(), start.retry())
                            : want.command());
                } else if (move instanceof StepBook.Move.Raise raise) {
                    actions.add(raiseException(want.key(), raise.step(), raise.failure(), raise.attempts()));
                }
            });
        }
        return actions;
    }

    /**
     * What is overdue at {@code now}, without changing anything: a step whose lease ran out gives a
     * {@code RecordStepFailure} with code {@code TIMEOUT} for its attempt, an overdue decision gives
     * {@link ProcessAction.DecideOverdue}, an expired wait for the parcel an {@code ExpireReturn}, an unsettled refund
     * past its SLA a {@code RaiseException}. Their events come back through {@link #apply}; the sweeper that asks
     * never stores the process. A local command whose lease ran out is given again (they are idempotent).
     */
    public List<ProcessAction> overdue(Instant now, ProcessTiming timing) {
        return dues(timing).stream().filter(due -> !due.at().isAfter(now)).map(Due::action).distinct().toList();
    }

    /** The earliest moment something is overdue (a lease, a deadline); empty when nothing is awaited. */
    public Optional<Instant> nextDue(ProcessTiming timing) {
        return dues(timing).stream().map(Due::at).min(Comparator.naturalOrder());
    }

    /** The customer has been told of a final milestone: nothing is left to do for this return. */
    public boolean finished() {
        return facts.finished();
    }

    private record Due(Instant at, ProcessAction action) {
    }

    private List<Due> dues(ProcessTiming timing) {
        List<Due> dues = new ArrayList<>();
        if (facts.finished()) {
            return dues;
        }
        for (ReturnFlow.Want want : ReturnFlow.wanted(facts)) {
            book.awaiting(want.key()).ifPresent(entry ->
                    dues.add(new Due(entry.leaseUntil, whenLeaseRunsOut(want, entry))));
        }
        ProcessTask decision = ProcessTask.ELIGIBILITY_DECISION;
        // asked again from the exception queue, the decision is in flight under its lease, which is its clock now
        if (facts.requestedAt != null && facts.awaitingDecision() && !book.isEscalated(decision)
                && book.awaiting(decision).isEmpty()) {
            dues.add(new Due(facts.requestedAt.plus(timing.decisionTimeout()),
                    new ProcessAction.DecideOverdue(returnId)));
        }
        ProcessTask parcelWait = ProcessTask.RECEIPT_EXPIRY;
        if (facts.cleared() && facts.lines.somethingToShip() && !facts.lines.itemsReceived() && facts.ending == null
                && !facts.completed) {
            Instant expiry = facts.clearedAt.plus(timing.receiptExpiry());
            if (!facts.instant.refundedEarly()) {
                dues.add(new Due(expiry, new ProcessAction.Send(parcelWait, new ExpireReturn(returnId))));
            } else if (!facts.instant.parcelChased) {
                // refunded early, the return does not expire: its money is out, so a parcel that has not come by the
                // receipt expiry goes to the exception queue (once: the person who resumes it chases the parcel),
                // which opens a CRM case
                dues.add(new Due(expiry, new ProcessAction.Send(parcelWait, new RaiseException(returnId,
                        ProcessStep.ADVISE_WAREHOUSE, parcelWait.render(),
                        FailureCode.PARCEL_MISSING_AFTER_EARLY_REFUND.code(),
                        "refunded at the first carrier scan, and the parcel has not arrived by the receipt expiry",
                        0))));
            }
        }
        ProcessTask settlement = ProcessTask.REFUND_SETTLEMENT;
        if (facts.money.paidThroughGateway() && !facts.money.settled && !book.isEscalated(settlement)
                && facts.ending == null && !facts.completed) {
            dues.add(new Due(facts.money.settlementWaitFrom.plus(timing.settlementSla()),
                    new ProcessAction.Send(settlement, new RaiseException(returnId, ProcessStep.REFUND_PAYMENT,
                            settlement.render(), FailureCode.SETTLEMENT_OVERDUE.code(),
                            "the payment gateway has not settled the refund in time", 0))));
        }
        return dues;
    }

    /** A remote attempt without an answer is recorded as failed (so the next one starts); anything local is resent. */
    private ProcessAction whenLeaseRunsOut(ReturnFlow.Want want, StepBook.Entry entry) {
        if (entry.escalating) {
            return raiseException(want.key(), ((StepKey) want.key()).step(), entry.failure, entry.attemptsThisRound());
        }
        if (want.remote()) {
            StepKey key = (StepKey) want.key();
            return new ProcessAction.Send(key, new RecordStepFailure(returnId, key.step(), key.render(),
                    FailureCode.TIMEOUT.code(), "no answer within the lease", true, entry.attempt));
        }
        return want.command();
    }

    private ProcessAction raiseException(ProcessKey key, ProcessStep step, StepBook.Failure failure, int attempts) {
        return new ProcessAction.Send(key, new RaiseException(returnId, step, key.render(), failure.code(),
                failure.message(), attempts));
    }
}
