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

    /**
     * Whether a "not yet" refusal of the return can mean the message came early, so it is parked and retried.
     * A message that can only be late or stale says no: retried later it would act on a state it never meant.
     */
    default boolean mayArriveEarly() {
        return true;
    }
}
