package io.omnireturns.api.returns.command;

import io.omnireturns.api.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The payment gateway confirmed the refund. {@code settled}: the money has already left, recorded in the same
 * step so that a crash between confirmation and settlement cannot leave the return waiting for ever.
 */
public record RecordRefundIssued(@TargetAggregateIdentifier String returnId, String gatewayReference, Money amount,
                                 boolean settled) {

    public RecordRefundIssued(String returnId, String gatewayReference, Money amount) {
        this(returnId, gatewayReference, amount, false);
    }
}
