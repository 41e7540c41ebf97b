package io.omnireturns.api.returns.event;

import io.omnireturns.api.catalogue.EventMeaning;
import io.omnireturns.api.money.Money;
import io.omnireturns.api.returns.TrustTier;
import org.axonframework.serialization.Revision;

/** {@code returnedValue}: what the returned items are worth as declared, the value the exchange settles against. */
@EventMeaning("The exchange was settled at the parcel's first carrier scan, before inspection, as if the items arrive "
        + "as declared (the customer's trust tier allows it); RefundApproved follows with the returned value, then the "
        + "price difference and the replacement order as for any exchange.")
@Revision("1")
public record EarlyExchangeGranted(String returnId, Money returnedValue, TrustTier tier) implements ReturnEvent {
}
