package io.omnireturns.command.connectors.payments;

import io.omnireturns.api.money.Money;

/** The gateway's confirmation: its reference for the refund and the amount it paid back. */
public record RefundReceipt(String gatewayReference, Money amount) {
}
