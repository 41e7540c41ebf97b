package io.omnireturns.api.returns.event;

import io.omnireturns.api.catalogue.EventMeaning;
import io.omnireturns.api.returns.*;
import org.axonframework.serialization.Revision;

@EventMeaning("Nothing arrived within the receipt window: the return expired (terminal).")
@Revision("1")
public record ReturnExpired(String returnId, String orderId) implements ReturnEvent {
}
