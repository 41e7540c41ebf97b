package io.omnireturns.api.returns.event;

import io.omnireturns.api.catalogue.EventMeaning;
import io.omnireturns.api.money.Money;
import org.axonframework.serialization.Revision;

@EventMeaning("The price difference of a dearer exchange was asked of the payment gateway under an idempotency key.")
@Revision("1")
public record DifferenceChargeRequested(String returnId, String idempotencyKey, Money amount, String tenderId,
                                        String cardReference) implements ReturnEvent {
}
