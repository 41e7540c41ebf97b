package io.omnireturns.command.orchestration.process;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One return's process: what has happened to the return, folded from the return's own events, and the bookkeeping
 * of its steps (attempt, lease, escalated). Pure domain code: no Axon, no Spring, no clock of its own; the engine
 * stores it as JSON (storage object mapper, fields), one row per return, and can rebuild it from the return's event
 * stream whenever no row exists (returns started under the old saga, a lost row).
 * <p>
 * SEAM (issue 12): the signatures below are the contract between the pure core and the engine; bodies are the
 * core's to write.
 */
public final class ReturnProcess {

    private String returnId;
    private long lastSequence = -1;

    ReturnProcess() {
        // for the storage mapper
    }

    public static ReturnProcess of(String returnId) {
        ReturnProcess process = new ReturnProcess();
        process.returnId = returnId;
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
        throw new UnsupportedOperationException("core of issue 12");
    }

    /**
     * What to do now, given everything folded in: steps to start (or retry) and commands to send. The steps returned
     * are marked started, with their lease running from {@code now}; a step in flight that the return no longer needs
     * (a label once the parcel is received) is forgotten and not called again.
     */
    public List<ProcessAction> next(Instant now, ProcessTiming timing) {
        throw new UnsupportedOperationException("core of issue 12");
    }

    /**
     * What is overdue at {@code now}, without changing anything: a step whose lease ran out gives a
     * {@code RecordStepFailure} with code {@code TIMEOUT} for its attempt, an overdue decision gives
     * {@link ProcessAction.DecideOverdue}, an expired wait for the parcel an {@code ExpireReturn}, an unsettled refund
     * past its SLA a {@code RaiseException}. Their events come back through {@link #apply}; the sweeper that asks
     * never stores the process.
     */
    public List<ProcessAction> overdue(Instant now, ProcessTiming timing) {
        throw new UnsupportedOperationException("core of issue 12");
    }

    /** The earliest moment something is overdue (a lease, a deadline); empty when nothing is awaited. */
    public Optional<Instant> nextDue(ProcessTiming timing) {
        throw new UnsupportedOperationException("core of issue 12");
    }

    /** The customer has been told of a final milestone: nothing is left to do for this return. */
    public boolean finished() {
        throw new UnsupportedOperationException("core of issue 12");
    }
}
