package io.omnireturns.command.connectors.payments;

import io.omnireturns.api.money.Money;

/**
 * The gateway's confirmation: its reference for the refund and the amount it paid back. {@code settled}: the money
 * has already left (cards often settle later, reported by the payment webhook).
 */
public record RefundReceipt(String gatewayReference, Money amount, boolean settled) {
}
