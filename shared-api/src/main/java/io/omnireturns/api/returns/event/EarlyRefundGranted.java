package io.omnireturns.api.returns.event;

import io.omnireturns.api.catalogue.EventMeaning;
import io.omnireturns.api.money.Money;
import io.omnireturns.api.returns.TrustTier;
import org.axonframework.serialization.Revision;

@EventMeaning("The refund was decided at the parcel's first carrier scan, before inspection, as if the items arrive "
        + "as declared (the customer's trust tier allows it); RefundApproved follows with the amounts.")
@Revision("1")
public record EarlyRefundGranted(String returnId, Money amount, TrustTier tier) implements ReturnEvent {
}
