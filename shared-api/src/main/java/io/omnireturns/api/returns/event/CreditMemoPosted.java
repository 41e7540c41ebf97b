package io.omnireturns.api.returns.event;

import io.omnireturns.api.catalogue.EventMeaning;
import io.omnireturns.api.returns.*;
import io.omnireturns.api.money.Money;
import org.axonframework.serialization.Revision;

@EventMeaning("The ERP posted the credit memo for the return's refund: the financial record of the refund.")
@Revision("1")
public record CreditMemoPosted(String returnId, String documentNumber, Money amount) implements ReturnEvent {
}
