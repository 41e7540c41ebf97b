package io.omnireturns.command.connectors.payments;

import io.omnireturns.api.money.Money;

/** The gateway's confirmation of a charge: its reference and the amount it took. */
public record ChargeReceipt(String gatewayReference, Money amount) {
}
