package io.omnireturns.api.finance;

/**
 * What a booking of the finance ledger records. Money moves with {@code REFUND} (one booking per tender),
 * {@code CREDIT_MEMO} and {@code EXCHANGE}; the ERP's side of a credit memo is split into {@code MERCHANDISE},
 * {@code TAX}, {@code RESTOCKING_FEE}, {@code CONDITION_DEDUCTION} and {@code SHIPPING} (the approved refund's
 * parts); {@code INVENTORY} is a stock movement with its value; the rest record facts the reconciliation checks
 * ({@code ITEMS_ACCEPTED} carries a quantity and no value); {@code WRITE_OFF} is goods a customer keeps ("keep it"),
 * with the quantity and the value written off, which the stock adjustment of the line must match.
 */
public enum LedgerEntryKind {
    REFUND,
    REFUND_SETTLED,
    REFUND_FAILED,
    CREDIT_MEMO,
    MERCHANDISE,
    TAX,
    RESTOCKING_FEE,
    CONDITION_DEDUCTION,
    SHIPPING,
    EXCHANGE,
    ITEMS_ACCEPTED,
    INVENTORY,
    WRITE_OFF
}
