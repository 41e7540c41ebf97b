package io.omnireturns.api.returns.command;

import io.omnireturns.api.ledger.RefundableLine;
import io.omnireturns.api.returns.RefundMethod;
import io.omnireturns.api.tax.RefundTaxContext;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * Decide the refund of an inspected return in one step: the order's ledger allocates it (capped by what other returns
 * of the order took back), the return approves it and, when money is owed through the original tenders, records the
 * refund as requested under {@code paymentKey}. All in one transaction. When the ledger refuses, the return raises an
 * exception (step {@code REFUND_PAYMENT}, key {@code REFUND_DECISION}) instead: the outcome is always an event.
 * Sent again for a return already decided, it changes nothing. {@code tax}: the store it is returned to and the tax
 * service's figures so far; where the order's proportional share of tax is not enough and no figures fit yet, the
 * return records a tax request ({@code RefundTaxRequested}) instead of deciding.
 */
public record DecideRefund(@TargetAggregateIdentifier String returnId, String orderId, RefundMethod refundMethod,
                           List<RefundableLine> lines, String paymentKey, RefundTaxContext tax) {

    public DecideRefund {
        lines = List.copyOf(lines);
        tax = tax == null ? RefundTaxContext.none() : tax;
    }

    public DecideRefund(String returnId, String orderId, RefundMethod refundMethod, List<RefundableLine> lines,
                        String paymentKey) {
        this(returnId, orderId, refundMethod, lines, paymentKey, RefundTaxContext.none());
    }
}
