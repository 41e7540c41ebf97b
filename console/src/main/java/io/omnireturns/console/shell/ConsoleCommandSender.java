package io.omnireturns.console.shell;

import io.omnireturns.api.error.DomainException;
import io.omnireturns.api.error.ErrorKind;
import io.omnireturns.platform.axon.AxonInfrastructureConfiguration;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Sends a console action's command as the API's controllers do (the signed-in caller's actor and scope go with it,
 * stamped by the request's dispatch interceptor), with {@code console} as its source system, and turns every refusal
 * into the {@link DomainException} the API would have answered: a page can then show it next to its form.
 */
@Component
public class ConsoleCommandSender {

    public static final String SOURCE_SYSTEM = "console";

    private final CommandGateway commands;

    ConsoleCommandSender(CommandGateway commands) {
        this.commands = commands;
    }

    public <R> R send(Object command) {
        try {
            return commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                    .andMetaData(Map.of(AxonInfrastructureConfiguration.SOURCE_SYSTEM, SOURCE_SYSTEM)));
        } catch (CommandExecutionException wrapped) {
            if (wrapped.getCause() instanceof DomainException refusal) {
                throw refusal;
            }
            if (wrapped.getCause() instanceof AggregateNotFoundException) {
                throw notFound();
            }
            throw wrapped;
        } catch (AggregateNotFoundException missing) {
            throw notFound();
        } catch (ConcurrencyException sameMoment) {
            throw new DomainException(ErrorKind.ILLEGAL_STATE, "CONCURRENT_MODIFICATION",
                    "The return was changed by someone else at the same moment: nothing was recorded, try again.");
        }
    }

    private static DomainException notFound() {
        return new DomainException(ErrorKind.NOT_FOUND, "RETURN_NOT_FOUND", "No such return.");
    }
}
