package io.omnireturns.command.connectors.payments;

import io.omnireturns.api.money.Money;

/**
 * Issue a new gift card worth {@code amount} to {@code recipient}: a gift return's recipient (name and e-mail, no
 * customer id: the card is not the buyer's), else the customer on file. No tender of the order is named: nothing is
 * refunded to the buyer's payment. The same idempotency key never issues a second card.
 */
public record GiftCardInstruction(String idempotencyKey, String returnId, String orderId, Money amount,
                                  Recipient recipient) {

    /** Who the card belongs to: {@code customerId} for the customer's own return, name and e-mail for a gift's recipient. */
    public record Recipient(String customerId, String name, String email) {

        public static Recipient customer(String customerId) {
            return new Recipient(customerId, null, null);
        }

        public static Recipient giftRecipient(String name, String email) {
            return new Recipient(null, name, email);
        }
    }
}
