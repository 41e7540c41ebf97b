package io.omnireturns.command.orchestration;

import org.axonframework.commandhandling.CommandMessage;

import java.util.concurrent.CompletableFuture;

/**
 * Where the step executor sends the commands that record a step's outcome (and the engine its local commands). The
 * plain implementation dispatches each on the command gateway; a grouping one may commit outcomes that arrive
 * together in one transaction. Never blocks the caller.
 * <p>
 * SEAM (issue 12): engine and write path meet here.
 */
public interface OutcomeRecorder {

    /** Dispatches the command; the future completes with its result or its failure (a {@code DomainException}). */
    CompletableFuture<Object> record(CommandMessage<?> command);
}
