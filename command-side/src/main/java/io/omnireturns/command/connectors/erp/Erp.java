package io.omnireturns.command.connectors.erp;

/** The ERP, the financial system of record: credit memos and stock, each write idempotent by key. */
public interface Erp {

    CreditMemoReceipt postCreditMemo(CreditMemoRequest request);

    InventoryReceipt adjustInventory(InventoryAdjustmentRequest request);
}
