package io.omnireturns.api.finance;

/** What the reconciliation of a period found out of step; docs/finance.md says when each one is raised. */
public enum DiscrepancyKind {
    REFUND_WITHOUT_CREDIT_MEMO,
    CREDIT_MEMO_WITHOUT_REFUND,
    AMOUNT_MISMATCH,
    REFUND_NOT_SETTLED,
    ACCEPTED_ITEM_WITHOUT_INVENTORY_ADJUSTMENT,
    DUPLICATE_REFUND,
    DUPLICATE_CREDIT_MEMO,
    TAX_MISMATCH,
    /** A clawback charged for another amount than the shortfall inspection found after an early refund. */
    CLAWBACK_MISMATCH,
    /** A clawback charged back that the ERP's debit memos do not match (none yet, or another amount). */
    CLAWBACK_MEMO_MISMATCH
}
