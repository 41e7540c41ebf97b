package io.omnireturns.command.orchestration.engine;

import io.omnireturns.command.orchestration.process.ReturnProcess;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Brings a stored process up to date with the return's events it has not folded yet. A process row is written only
 * when it holds something the events cannot give back (a step started, its lease; see
 * {@link ReturnProcessManager}), so a row may lag the return's stream: whoever reads one (a node whose cache missed,
 * the sweeper) folds the events after its {@link ReturnProcess#lastSequence()} from the event store first.
 */
@Component
public class ProcessCatchUp {

    private final EventStore events;

    public ProcessCatchUp(EventStore events) {
        this.events = events;
    }

    /** Folds the return's events after the process's last one and before {@code before} (exclusive). */
    public ReturnProcess upTo(ReturnProcess process, long before) {
        long from = process.lastSequence() + 1;
        if (from >= before) {
            return process;
        }
        events.readEvents(process.returnId(), from).asStream()
                .takeWhile(past -> past.getSequenceNumber() < before)
                .forEach(past -> process.apply(past.getPayload(), past.getSequenceNumber(), past.getTimestamp()));
        return process;
    }

    /** Folds every event of the return after the process's last one. */
    public ReturnProcess upToDate(ReturnProcess process) {
        return upTo(process, Long.MAX_VALUE);
    }
}
