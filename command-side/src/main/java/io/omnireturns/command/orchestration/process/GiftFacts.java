package io.omnireturns.command.orchestration.process;

import io.omnireturns.api.returns.event.GiftCardIssued;
import io.omnireturns.api.returns.event.GiftReturnRecorded;

/**
 * What the process remembers of a gift return's recipient and of a refund paid as a new gift card, beside
 * {@link ReturnFacts}: who the card (or store credit) is issued to, and the card's masked code for the notices.
 */
final class GiftFacts {

    /** A gift return's recipient; null otherwise (the e-mail is {@link ReturnFacts#giftRecipientEmail}). */
    String recipientName;
    /** The issued gift card's masked code; null until it is issued. */
    String giftCardCode;

    void apply(Object event) {
        if (event instanceof GiftReturnRecorded e) {
            recipientName = e.recipientName();
        } else if (event instanceof GiftCardIssued e) {
            giftCardCode = e.maskedCode();
        }
    }
}
