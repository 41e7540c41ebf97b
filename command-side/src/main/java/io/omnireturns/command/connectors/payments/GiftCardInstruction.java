package io.omnireturns.command.connectors.payments;

import io.omnireturns.api.money.Money;

/**
 * Issue a new gift card worth {@code amount} to {@code recipient}: a gift return's recipient (name and e-mail, no
 * customer id: the card is not the buyer's), else the customer on file. No tender of the order is named: nothing is
 * refunded to the buyer's payment. The same idempotency key never issues a second card.
 */
public record GiftCardInstruction(String idempotencyKey, String returnId, String orderId, Money amount,
                                  CreditRecipient recipient) {
}
