package io.omnireturns.command.connectors.payments;

/**
 * Who new credit (a gift card, or a gift return's store credit) belongs to: {@code customerId} for the customer's own
 * return; name and e-mail, and no customer id, for a gift's recipient, so the credit is never tied to the buyer.
 */
public record CreditRecipient(String customerId, String name, String email) {

    public static CreditRecipient customer(String customerId) {
        return new CreditRecipient(customerId, null, null);
    }

    public static CreditRecipient giftRecipient(String name, String email) {
        return new CreditRecipient(null, name, email);
    }
}
