package io.omnireturns.api.finance;

/**
 * What a booking of the finance ledger records. Money moves with {@code REFUND} (one booking per tender),
 * {@code CREDIT_MEMO} and {@code EXCHANGE} (an exchange at a different price adds {@code DIFFERENCE_REFUND} or
 * {@code DIFFERENCE_CHARGE}); the ERP's side of a credit memo is split into {@code MERCHANDISE},
 * {@code TAX}, {@code RESTOCKING_FEE}, {@code CONDITION_DEDUCTION} and {@code SHIPPING} (the approved refund's
 * parts); {@code INVENTORY} is a stock movement with its value; the rest record facts the reconciliation checks
 * ({@code ITEMS_ACCEPTED} carries a quantity and no value). Where a refund's tax came from the tax service,
 * {@code TAX_GIVEN_BACK} books the tax it gives back per jurisdiction and {@code CREDIT_MEMO_TAX} the tax the credit
 * memo posted there (both with their jurisdiction). {@code WRITE_OFF} is goods a customer keeps ("keep it"),
 * with the quantity and the value written off, which the stock adjustment of the line must match. A refund paid at
 * the first carrier scan, before inspection, is marked {@code EARLY_REFUND} (its money is the usual {@code REFUND}
 * bookings); the shortfall inspection finds is {@code CLAWBACK_DUE} and, once charged back to the card,
 * {@code CLAWBACK} (money in): refunded minus clawed back is what inspection allowed. An exchange settled at the
 * first scan is marked {@code EARLY_EXCHANGE}; a clawback charged is matched in the ERP by a debit memo,
 * {@code CLAWBACK_MEMO}, so the credit memo less it is what inspection allowed there too.
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
    INVENTORY,
    TAX_GIVEN_BACK,
    CREDIT_MEMO_TAX,
    WRITE_OFF,
    /** A refund decided at the first carrier scan, before inspection: a marker, its money is booked as REFUND. */
    EARLY_REFUND,
    /** The shortfall inspection found after an early refund, to be charged back or settled by an agent (CRM case). */
    CLAWBACK_DUE,
    /** The shortfall charged back to the card the early refund went to: money in. */
    CLAWBACK,
    /** An exchange settled at the first carrier scan, before inspection: a marker, its goods are booked as EXCHANGE. */
    EARLY_EXCHANGE,
    /** The ERP's debit memo for a clawback charged: the credit memo reduced by it. */
    CLAWBACK_MEMO
}
