package io.omnireturns.command.connectors.warehouse;

public interface Warehouse {

    /** Tells the receiving location what to expect; answers the warehouse's advice reference. */
    String adviseExpectedReceipt(ReceiptAdvice advice);
}
