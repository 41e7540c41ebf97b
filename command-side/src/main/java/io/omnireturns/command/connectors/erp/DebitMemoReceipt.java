package io.omnireturns.command.connectors.erp;

import io.omnireturns.api.money.Money;

/** The ERP's debit memo: its document number and the amount it posted. */
public record DebitMemoReceipt(String documentNumber, Money amount) {
}
