package io.omnireturns.api.returns.event;

import io.omnireturns.api.catalogue.EventMeaning;
import io.omnireturns.api.returns.*;
import io.omnireturns.api.money.Money;
import org.axonframework.serialization.Revision;

@EventMeaning("The payment gateway accepted the refund and gave its reference.")
@Revision("1")
public record RefundIssued(String returnId, String gatewayReference, Money amount) implements ReturnEvent {
}
