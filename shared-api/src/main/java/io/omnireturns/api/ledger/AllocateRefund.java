package io.omnireturns.api.ledger;

import io.omnireturns.api.returns.RefundMethod;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * Work out and book the refund of one return against its order: the ledger knows what every other return of
 * the order already took back per line and per tender, so no line is ever refunded above what was paid.
 * Asking again for the same return answers the allocation already booked.
 */
public record AllocateRefund(@TargetAggregateIdentifier String orderId, String returnId, RefundMethod refundMethod,
                             List<RefundableLine> lines) {

    public AllocateRefund {
        lines = List.copyOf(lines);
    }
}
