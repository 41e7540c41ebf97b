package io.omnireturns.command.connectors.erp;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.omnireturns.api.money.Money;
import io.omnireturns.api.returns.LineRefund;
import io.omnireturns.api.tax.JurisdictionTax;

import java.util.List;

/**
 * A credit memo for a return's final refund decision: lines with tax, shipping, total, and, where the refund's tax
 * came from the tax service, the tax given back per jurisdiction ({@code taxByJurisdiction}; empty otherwise). For an
 * exchange at a different price whose difference the tax service taxed, {@code priceDifferenceTax} is the part of
 * that tax which is the difference's (negative: the customer paid it on a dearer replacement); null (and left out)
 * otherwise.
 */
public record CreditMemoRequest(String idempotencyKey, String returnId, String orderId, String customerId,
                                List<LineRefund> lines, Money shippingRefund, Money total,
                                List<JurisdictionTax> taxByJurisdiction,
                                @JsonInclude(JsonInclude.Include.NON_NULL) Money priceDifferenceTax) {

    public CreditMemoRequest {
        lines = List.copyOf(lines);
        taxByJurisdiction = taxByJurisdiction == null ? List.of() : List.copyOf(taxByJurisdiction);
    }

    public CreditMemoRequest(String idempotencyKey, String returnId, String orderId, String customerId,
                             List<LineRefund> lines, Money shippingRefund, Money total,
                             List<JurisdictionTax> taxByJurisdiction) {
        this(idempotencyKey, returnId, orderId, customerId, lines, shippingRefund, total, taxByJurisdiction, null);
    }

    public CreditMemoRequest(String idempotencyKey, String returnId, String orderId, String customerId,
                             List<LineRefund> lines, Money shippingRefund, Money total) {
        this(idempotencyKey, returnId, orderId, customerId, lines, shippingRefund, total, List.of());
    }
}
