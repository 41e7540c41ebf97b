package io.omnireturns.command.connectors.payments;

/** The payment gateway, as the returns process sees it: give money back to the tenders it came from. */
public interface PaymentGateway {

    /** Same idempotency key, same refund: a repeated instruction never pays twice. */
    RefundReceipt refund(RefundInstruction instruction);
}
