package io.omnireturns.command.orchestration.process;

import io.omnireturns.command.orchestration.StepCall;

import java.time.Duration;
import java.util.Optional;

/**
 * What the process asks its engine to do once the decision that produced it is stored. Never done inside the
 * event processor's transaction or on its thread: remote calls go to the step executor, commands are sent
 * asynchronously, and every outcome comes back as one of the return's events.
 */
public sealed interface ProcessAction {

    /** The step or task this action serves; empty for an overdue decision, which serves the return as a whole. */
    default Optional<ProcessKey> servedKey() {
        if (this instanceof Call call) {
            return Optional.of(call.call().key());
        }
        return this instanceof Send send ? Optional.of(send.key()) : Optional.empty();
    }

    /**
     * One attempt of a remote step, made after {@code delay} (the back-off before a retry; zero for a first try).
     * {@code retry}: the attempt follows a failed one of the same round, so the system makes it on its own; the first
     * attempt of a round is made for whoever asked for the step (the request, a person retrying from the queue).
     */
    record Call(StepCall call, Duration delay, boolean retry) implements ProcessAction {
    }

    /**
     * A command to this service's own aggregates (decide the refund, complete, expire, raise an exception, record a
     * step that timed out). {@code key} names the step or task it serves, for logs and the outcome's correlation.
     */
    record Send(ProcessKey key, Object command) implements ProcessAction {
    }

    /** The return is still undecided after the decision time-out: decide it as its request would have. */
    record DecideOverdue(String returnId) implements ProcessAction {
    }
}
