package io.omnireturns.api.returns.event;

import io.omnireturns.api.returns.*;
import io.omnireturns.api.money.Money;
import org.axonframework.serialization.Revision;

@Revision("1")
public record RefundRequested(String returnId, String idempotencyKey, Money amount) implements ReturnEvent {
}
