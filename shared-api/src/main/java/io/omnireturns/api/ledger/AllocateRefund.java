package io.omnireturns.api.ledger;

import io.omnireturns.api.returns.RefundMethod;
import io.omnireturns.api.tax.TaxCalculation;
import io.omnireturns.api.tax.TaxRequest;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * Work out and book the refund of one return against its order: the ledger knows what every other return of
 * the order already took back per line and per tender, so no line is ever refunded above what was paid.
 * Asking again for the same return answers the allocation already booked. {@code deductionsWaived}: a goodwill
 * exception sets the policy's condition deductions and restocking fees aside for this return. {@code taxRequest} and
 * {@code taxCalculation}: the tax service's figures to price the tax with (null: the order's proportional share).
 */
public record AllocateRefund(@TargetAggregateIdentifier String orderId, String returnId, RefundMethod refundMethod,
                             List<RefundableLine> lines, boolean deductionsWaived, TaxRequest taxRequest,
                             TaxCalculation taxCalculation) {

    public AllocateRefund {
        lines = List.copyOf(lines);
    }

    /** The tax as the order's proportional share. */
    public AllocateRefund(String orderId, String returnId, RefundMethod refundMethod, List<RefundableLine> lines,
                          boolean deductionsWaived) {
        this(orderId, returnId, refundMethod, lines, deductionsWaived, null, null);
    }

    /** The refund as the policy prices it. */
    public AllocateRefund(String orderId, String returnId, RefundMethod refundMethod, List<RefundableLine> lines) {
        this(orderId, returnId, refundMethod, lines, false);
    }
}
