package io.omnireturns.command.connectors.erp;

import io.omnireturns.api.money.Money;
import io.omnireturns.api.returns.LineRefund;
import io.omnireturns.api.tax.JurisdictionTax;

import java.util.List;

/**
 * A credit memo for a return's final refund decision: lines with tax, shipping, total, and, where the refund's tax
 * came from the tax service, the tax given back per jurisdiction ({@code taxByJurisdiction}; empty otherwise).
 */
public record CreditMemoRequest(String idempotencyKey, String returnId, String orderId, String customerId,
                                List<LineRefund> lines, Money shippingRefund, Money total,
                                List<JurisdictionTax> taxByJurisdiction) {

    public CreditMemoRequest {
        lines = List.copyOf(lines);
        taxByJurisdiction = taxByJurisdiction == null ? List.of() : List.copyOf(taxByJurisdiction);
    }

    public CreditMemoRequest(String idempotencyKey, String returnId, String orderId, String customerId,
                             List<LineRefund> lines, Money shippingRefund, Money total) {
        this(idempotencyKey, returnId, orderId, customerId, lines, shippingRefund, total, List.of());
    }
}
