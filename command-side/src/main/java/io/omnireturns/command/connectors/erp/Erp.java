package io.omnireturns.command.connectors.erp;

/**
 * The ERP, the financial system of record: credit memos, the debit memos that correct them for a clawback, and
 * stock, each write idempotent by key.
 */
public interface Erp {

    CreditMemoReceipt postCreditMemo(CreditMemoRequest request);

    /** Reduces a return's credit memo by the shortfall charged back after an early refund. */
    DebitMemoReceipt postDebitMemo(DebitMemoRequest request);

    InventoryReceipt adjustInventory(InventoryAdjustmentRequest request);
}
