package io.omnireturns.command.returns.application;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The command gateway as a request uses it. Outside a transaction, the application's gateway: a command that lost a
 * race on its aggregate is retried on its own. Inside one (the request's commands share one transaction), no retry: a
 * retry runs on another thread, in a transaction of its own, and would commit one command apart from the rest, while
 * PostgreSQL has already aborted the shared transaction at the conflicting insert. The whole transaction is then
 * rolled back and run again by its owner.
 */
@Component
class RequestCommands {

    private final CommandGateway retrying;
    private final CommandGateway direct;

    RequestCommands(CommandGateway commands, CommandBus commandBus) {
        this.retrying = commands;
        this.direct = DefaultCommandGateway.builder().commandBus(commandBus).build();
    }

    <R> R sendAndWait(Object command) {
        return (TransactionSynchronizationManager.isActualTransactionActive() ? direct : retrying).sendAndWait(command);
    }
}
