package io.omnireturns.api.returns.event;

import io.omnireturns.api.catalogue.EventMeaning;
import io.omnireturns.api.returns.*;
import org.axonframework.serialization.Revision;

@EventMeaning("The return was withdrawn before anything was received (terminal).")
@Revision("1")
public record ReturnCancelled(String returnId, String orderId, String reason, String cancelledBy) implements ReturnEvent {
}
