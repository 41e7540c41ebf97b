package io.omnireturns.command.connectors.payments;

/** The payment gateway, as the returns process sees it: give money back to the tenders it came from, take an
 * exchange's price difference from the original card, and issue a new gift card for a refund paid as one. */
public interface PaymentGateway {

    /** Same idempotency key, same refund: a repeated instruction never pays twice. */
    RefundReceipt refund(RefundInstruction instruction);

    /** Same idempotency key, same charge: a repeated instruction never takes the money twice. */
    ChargeReceipt charge(ChargeInstruction instruction);

    /** Same idempotency key, same card: a repeated instruction never issues a second one. */
    GiftCardReceipt issueGiftCard(GiftCardInstruction instruction);
}
