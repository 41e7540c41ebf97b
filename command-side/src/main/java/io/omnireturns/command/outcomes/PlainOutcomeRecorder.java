package io.omnireturns.command.outcomes;

import io.omnireturns.command.orchestration.OutcomeRecorder;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.util.concurrent.CompletableFuture;

/** Each outcome command on its own, in its own transaction, through the gateway (which retries lost races). */
public final class PlainOutcomeRecorder implements OutcomeRecorder {

    private final CommandGateway commands;

    public PlainOutcomeRecorder(CommandGateway commands) {
        this.commands = commands;
    }

    @Override
    public CompletableFuture<Object> record(CommandMessage<?> command) {
        return commands.send(command);
    }
}
