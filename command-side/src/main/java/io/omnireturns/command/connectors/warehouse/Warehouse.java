package io.omnireturns.command.connectors.warehouse;

public interface Warehouse {

    /** Tells the receiving location what to expect; answers the warehouse's advice reference. */
    String adviseExpectedReceipt(ReceiptAdvice advice);

    /** Units of the SKU available to send (an exchange's replacement is checked before it is authorised). */
    int availableStock(String sku);
}
