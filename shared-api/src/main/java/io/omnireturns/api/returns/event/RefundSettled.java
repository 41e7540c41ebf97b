package io.omnireturns.api.returns.event;

import io.omnireturns.api.returns.*;

import org.axonframework.serialization.Revision;

@Revision("1")
public record RefundSettled(String returnId, String gatewayReference) implements ReturnEvent {
}
