package io.omnireturns.api.finance;

/** Every booking of one return in the finance ledger; answered with a {@link ReturnLedgerView} or null. */
public record FindReturnLedger(String returnId) {
}
