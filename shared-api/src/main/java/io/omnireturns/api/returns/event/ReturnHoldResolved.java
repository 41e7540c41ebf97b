package io.omnireturns.api.returns.event;

import io.omnireturns.api.returns.*;
import org.axonframework.serialization.Revision;

@Revision("1")
public record ReturnHoldResolved(String returnId, String orderId, HoldDecision decision, String reason, String resolvedBy, ReturnStatus resumedAs) implements ReturnEvent {
}
