package io.omnireturns.api.returns.event;

import io.omnireturns.api.catalogue.EventMeaning;
import io.omnireturns.api.money.Money;
import org.axonframework.serialization.Revision;

@EventMeaning("The payment gateway charged back the shortfall an inspection found after an early refund.")
@Revision("1")
public record ClawbackCharged(String returnId, String gatewayReference, Money amount) implements ReturnEvent {
}
