package io.omnireturns.command.returns.application;

import io.omnireturns.api.error.DomainException;
import io.omnireturns.api.error.ErrorKind;
import io.omnireturns.api.returns.DeclineReason;
import io.omnireturns.api.returns.HoldDecision;
import io.omnireturns.api.returns.HoldReason;
import io.omnireturns.api.returns.ReturnStatus;
import io.omnireturns.api.returns.command.AddReturnNote;
import io.omnireturns.api.returns.command.CancelReturn;
import io.omnireturns.api.returns.command.DeclineReturn;
import io.omnireturns.api.returns.command.GrantGoodwill;
import io.omnireturns.api.returns.command.PutReturnOnHold;
import io.omnireturns.api.returns.command.ResolveHold;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;

/**
 * What a person does to one return by hand: hold and resolve, cancel, decline, goodwill, notes. The REST API and the
 * staff console both call this, in the caller's request: the command then carries the caller's scope, correlation and
 * source system in its metadata (see {@code RequestMetadataInterceptor}), and {@code actor} (the signed-in caller,
 * never a form field) in its fields. Every decision is the return's; each method answers the status the return is
 * in afterwards, or throws its {@code DomainException}.
 */
@Service
public class ReturnStaffActions {

    private final CommandGateway commands;

    public ReturnStaffActions(CommandGateway commands) {
        this.commands = commands;
    }

    /** Stops the return's process where it stands until a person resolves the hold ({@link #resolveHold}). */
    public ReturnStatus putOnHold(String returnId, String reason, String actor) {
        if (reason == null || reason.isBlank()) {
            throw new DomainException(ErrorKind.INVALID_INPUT, "REASON_REQUIRED", "putting on hold needs a reason");
        }
        return commands.sendAndWait(new PutReturnOnHold(returnId, HoldReason.MANUAL, null,
                reason + " (held by " + actor + ")"));
    }

    public ReturnStatus resolveHold(String returnId, HoldDecision decision, String reason, String actor) {
        return commands.sendAndWait(new ResolveHold(returnId, decision, reason, actor));
    }

    public ReturnStatus cancel(String returnId, String reason, String actor) {
        return commands.sendAndWait(new CancelReturn(returnId, reason, actor));
    }

    public ReturnStatus decline(String returnId, DeclineReason reason, String note, String actor) {
        return commands.sendAndWait(new DeclineReturn(returnId, reason, blankToNull(note), actor));
    }

    public ReturnStatus grantGoodwill(String returnId, String reason, String actor) {
        return commands.sendAndWait(new GrantGoodwill(returnId, reason, actor));
    }

    /** The same {@code noteId} and text again change nothing; the same id with other text is refused. */
    public ReturnStatus addNote(String returnId, String noteId, String text, String actor) {
        return commands.sendAndWait(new AddReturnNote(returnId, noteId, text, actor));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
