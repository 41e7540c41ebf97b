package io.omnireturns.api.integration;

import io.omnireturns.api.money.Money;

/** {@code io.omnireturns.return.credit_memo.posted.v1}: the ERP posted the refund's credit memo. */
public record CreditMemoPostedV1(String returnId, String documentNumber, Money amount) {
}
