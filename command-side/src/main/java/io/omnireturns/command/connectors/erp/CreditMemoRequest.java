package io.omnireturns.command.connectors.erp;

import io.omnireturns.api.money.Money;
import io.omnireturns.api.returns.LineRefund;

import java.util.List;

/** A credit memo for a return's final refund decision: lines with tax, shipping, total. */
public record CreditMemoRequest(String idempotencyKey, String returnId, String orderId, String customerId,
                                List<LineRefund> lines, Money shippingRefund, Money total) {

    public CreditMemoRequest {
        lines = List.copyOf(lines);
    }
}
