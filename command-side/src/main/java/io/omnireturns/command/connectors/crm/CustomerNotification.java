package io.omnireturns.command.connectors.crm;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A notice of a milestone. For a gift return {@code gift} names the recipient, who gets the notice; the buyer
 * ({@code customerId}) then gets it too only when {@code gift.buyerNotified}. For any other return it is null (and
 * left out of the request) and the notice goes to the customer. {@code giftCardCode}: the masked code of the gift card
 * the refund was paid as, once issued, for the card's holder only (a gift's recipient, else the customer): a copy
 * to the buyer of a gift leaves it out; null (and left out) otherwise.
 */
public record CustomerNotification(String idempotencyKey, String returnId, String customerId, String milestone,
                                   String message, @JsonInclude(JsonInclude.Include.NON_NULL) Gift gift,
                                   @JsonInclude(JsonInclude.Include.NON_NULL) String giftCardCode) {

    /** A notice without a gift card's code. */
    public CustomerNotification(String idempotencyKey, String returnId, String customerId, String milestone,
                                String message, Gift gift) {
        this(idempotencyKey, returnId, customerId, milestone, message, gift, null);
    }

    /** A notice to the customer on file. */
    public CustomerNotification(String idempotencyKey, String returnId, String customerId, String milestone,
                                String message) {
        this(idempotencyKey, returnId, customerId, milestone, message, null, null);
    }

    /** The gift recipient who gets the notice, and whether the buyer gets it too. */
    public record Gift(String recipientEmail, boolean buyerNotified) {
    }
}
