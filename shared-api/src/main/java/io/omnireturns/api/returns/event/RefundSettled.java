package io.omnireturns.api.returns.event;

import io.omnireturns.api.catalogue.EventMeaning;
import io.omnireturns.api.returns.*;

import org.axonframework.serialization.Revision;

@EventMeaning("The payment gateway confirmed that the refund settled on the customer's tender.")
@Revision("1")
public record RefundSettled(String returnId, String gatewayReference) implements ReturnEvent {
}
