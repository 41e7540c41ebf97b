package io.omnireturns.api.returns.event;

import io.omnireturns.api.catalogue.EventMeaning;
import org.axonframework.serialization.Revision;

@EventMeaning("The return is a gift return: the recipient (not the buyer) returns the items and is refunded in "
        + "store credit or a gift card of their own; the notices go to the recipient, and the buyer hears of it only "
        + "when the policy says so.")
@Revision("1")
public record GiftReturnRecorded(String returnId, String recipientName, String recipientEmail,
                                 boolean buyerNotified) implements ReturnEvent {
}
