package io.omnireturns.api.returns.event;

import io.omnireturns.api.catalogue.EventMeaning;
import io.omnireturns.api.returns.*;
import io.omnireturns.api.money.Money;
import org.axonframework.serialization.Revision;

@EventMeaning("The refund was asked of the payment gateway under an idempotency key, so a retry cannot pay twice.")
@Revision("1")
public record RefundRequested(String returnId, String idempotencyKey, Money amount) implements ReturnEvent {
}
