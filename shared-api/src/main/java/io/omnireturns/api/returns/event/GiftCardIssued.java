package io.omnireturns.api.returns.event;

import io.omnireturns.api.catalogue.EventMeaning;
import io.omnireturns.api.money.Money;
import org.axonframework.serialization.Revision;

@EventMeaning("The payment gateway issued a new gift card for the refund (to a gift return's recipient, else the "
        + "customer): its reference, the card's masked code and its value. RefundIssued and RefundSettled follow.")
@Revision("1")
public record GiftCardIssued(String returnId, String gatewayReference, String maskedCode, Money amount)
        implements ReturnEvent {
}
