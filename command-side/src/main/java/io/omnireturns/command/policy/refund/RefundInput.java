package io.omnireturns.command.policy.refund;

import io.omnireturns.api.ledger.RefundableLine;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.api.returns.RefundMethod;
import io.omnireturns.command.policy.tax.RefundTaxFigures;

import java.util.List;
import java.util.Objects;

/**
 * One return's inspected lines, to be priced against the order and what earlier returns already refunded.
 * {@code deductionsWaived}: a goodwill exception sets condition deductions and restocking fees aside.
 * {@code tax}: the tax service's figures to price the tax with (null: the order's proportional share).
 */
public record RefundInput(OrderSnapshot order, RefundMethod method, List<RefundableLine> lines, PriorRefunds prior,
                          boolean deductionsWaived, RefundTaxFigures tax) {

    public RefundInput {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(prior, "prior");
        lines = List.copyOf(lines);
    }

    /** The tax as the order's proportional share. */
    public RefundInput(OrderSnapshot order, RefundMethod method, List<RefundableLine> lines, PriorRefunds prior,
                       boolean deductionsWaived) {
        this(order, method, lines, prior, deductionsWaived, null);
    }

    /** Priced as the policy says. */
    public RefundInput(OrderSnapshot order, RefundMethod method, List<RefundableLine> lines, PriorRefunds prior) {
        this(order, method, lines, prior, false, null);
    }
}
