package io.omnireturns.command.connectors.payments;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.omnireturns.api.money.Money;
import io.omnireturns.api.returns.TenderRefund;

import java.util.List;

/**
 * Give {@code amount} back over {@code tenders}. {@code storeCreditHolder}: for a gift return, the recipient the new
 * store credit is issued to (name and e-mail, no customer id: not the buyer's); null (and left out) for any other
 * refund, whose store credit is the customer's.
 */
public record RefundInstruction(String idempotencyKey, String returnId, String orderId, List<TenderRefund> tenders,
                                Money amount,
                                @JsonInclude(JsonInclude.Include.NON_NULL) CreditRecipient storeCreditHolder) {

    public RefundInstruction {
        tenders = List.copyOf(tenders);
    }

    /** A refund whose store credit, if any, is the customer's. */
    public RefundInstruction(String idempotencyKey, String returnId, String orderId, List<TenderRefund> tenders,
                             Money amount) {
        this(idempotencyKey, returnId, orderId, tenders, amount, null);
    }
}
