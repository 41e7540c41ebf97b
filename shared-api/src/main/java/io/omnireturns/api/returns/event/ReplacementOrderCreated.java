package io.omnireturns.api.returns.event;

import io.omnireturns.api.catalogue.EventMeaning;
import io.omnireturns.api.returns.*;

import org.axonframework.serialization.Revision;

@EventMeaning("An exchange's replacement order was created in the order system, in place of a refund.")
@Revision("1")
public record ReplacementOrderCreated(String returnId, String replacementOrderId) implements ReturnEvent {
}
