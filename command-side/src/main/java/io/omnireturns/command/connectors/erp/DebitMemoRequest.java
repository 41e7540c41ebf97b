package io.omnireturns.command.connectors.erp;

import io.omnireturns.api.money.Money;

/**
 * A debit memo for a return's clawback: the shortfall inspection found after an early refund (or exchange), charged
 * back to the customer, reduces the credit memo {@code creditMemoDocument} posted for the return by {@code amount}.
 * Posted once per return, under {@code <returnId>:CLAWBACK_MEMO}.
 */
public record DebitMemoRequest(String idempotencyKey, String returnId, String orderId, String customerId,
                               String creditMemoDocument, Money amount, String chargeReference) {
}
