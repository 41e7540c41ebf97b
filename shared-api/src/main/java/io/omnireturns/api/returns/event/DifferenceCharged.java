package io.omnireturns.api.returns.event;

import io.omnireturns.api.catalogue.EventMeaning;
import io.omnireturns.api.money.Money;
import org.axonframework.serialization.Revision;

@EventMeaning("The payment gateway charged the price difference of an exchange to the original card.")
@Revision("1")
public record DifferenceCharged(String returnId, String gatewayReference, Money amount) implements ReturnEvent {
}
