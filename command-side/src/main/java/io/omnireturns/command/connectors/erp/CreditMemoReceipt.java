package io.omnireturns.command.connectors.erp;

import io.omnireturns.api.money.Money;

public record CreditMemoReceipt(String documentNumber, Money amount) {
}
