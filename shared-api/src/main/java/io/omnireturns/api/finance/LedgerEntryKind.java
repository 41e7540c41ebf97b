package io.omnireturns.api.finance;

/**
 * What a booking of the finance ledger records. Money moves with {@code REFUND} (one booking per tender),
 * {@code CREDIT_MEMO} and {@code EXCHANGE} (an exchange at a different price adds {@code DIFFERENCE_REFUND} or
 * {@code DIFFERENCE_CHARGE}); the ERP's side of a credit memo is split into {@code MERCHANDISE},
 * {@code TAX}, {@code RESTOCKING_FEE}, {@code CONDITION_DEDUCTION} and {@code SHIPPING} (the approved refund's
 * parts); {@code INVENTORY} is a stock movement with its value; the rest record facts the reconciliation checks
 * ({@code ITEMS_ACCEPTED} carries a quantity and no value).
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
    /** The store-credit bonus a quote offered, paid with the refund as new store credit. */
    STORE_CREDIT_BONUS,
    /** An exchange for a cheaper item: the price difference paid back, one booking per tender. */
    DIFFERENCE_REFUND,
    /** An exchange for a dearer item: the price difference charged to the original card. */
    DIFFERENCE_CHARGE,
    ITEMS_ACCEPTED,
    INVENTORY
}
