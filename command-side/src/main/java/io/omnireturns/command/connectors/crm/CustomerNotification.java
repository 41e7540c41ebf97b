package io.omnireturns.command.connectors.crm;

/**
 * A notice of a milestone. For a gift return {@code giftRecipientEmail} names the recipient, who gets the notice;
 * the buyer ({@code customerId}) then gets it too only when {@code buyerNotified}. For any other return the
 * recipient is null and the notice goes to the customer.
 */
public record CustomerNotification(String idempotencyKey, String returnId, String customerId, String milestone,
                                   String message, String giftRecipientEmail, boolean buyerNotified) {

    /** A notice to the customer on file. */
    public CustomerNotification(String idempotencyKey, String returnId, String customerId, String milestone,
                                String message) {
        this(idempotencyKey, returnId, customerId, milestone, message, null, true);
    }
}
