package io.omnireturns.command.integration;

import java.util.Optional;

/**
 * One message of an external system, as validated from its JSON. It names the return it is about and, unless
 * it is only to be recorded, the command that tells the return what happened.
 */
public sealed interface InboundMessage permits CarrierMessage, PaymentsMessage, WarehouseMessage {

    /** Return ids as the command API accepts them. */
    String RETURN_ID = "[A-Za-z0-9-]{1,64}";

    String returnId();

    /** The message's {@code type}, as the sender wrote it. */
    String type();

    /** The command for the return; empty for a message that is only recorded. */
    Optional<Object> command();
}
